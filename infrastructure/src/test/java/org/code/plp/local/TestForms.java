package org.code.plp.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A valid application body with the parts tests vary; the map is mutable so a test can change one answer. */
public final class TestForms {
    private TestForms() {
    }

    public static Map<String, Object> application(String regionId, String organization, String firstName, String lastName,
                                                  String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regionId", regionId);
        body.put("organization", Map.of("name", organization, "type", "nonprofit",
                "address", Map.of("street", "1 Canal St", "city", "New Orleans", "state", "LA", "zip", "70112"),
                "phone", "504-555-0100"));
        body.put("programManager", Map.of("firstName", firstName, "lastName", lastName, "title", "Director",
                "email", email, "phone", "504-555-0101"));
        body.put("programs", List.of("csp"));
        body.put("districtRelationships", "Twelve districts.");
        body.put("pdExperience", "Ten years.");
        body.put("fundingPlan", "Grants.");
        body.put("agreedToTerms", true);
        return body;
    }
}
