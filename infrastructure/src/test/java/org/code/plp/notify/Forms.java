package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.code.plp.local.TestCloud;

/** Valid submissions for the public forms, with the parts a mail test varies. */
final class Forms {
    private Forms() {
    }

    static Map<String, Object> application(String organizationName, String managerEmail) {
        return Map.of(
                "regionId", "new-orleans-la",
                "organization", Map.of("name", organizationName, "type", "nonprofit", "website", "https://example.org",
                        "address", Map.of("street", "1 Canal St", "city", "New Orleans", "state", "LA", "zip", "70112"),
                        "phone", "504-555-0100"),
                "programManager", Map.of("firstName", "Ada", "lastName", "Lovelace", "title", "Director",
                        "email", managerEmail, "phone", "504-555-0101"),
                "programs", List.of("csp", "csd"),
                "districtRelationships", "We work with 12 districts in the region.",
                "pdExperience", "Ten years of teacher workshops.",
                "fundingPlan", "Foundation grants and district contracts.",
                "facilitators", "own",
                "agreedToTerms", true);
    }

    static Map<String, Object> interest(String name, String email) {
        return Map.of("name", name, "email", email, "organization", "Lincoln High School", "role", "teacher",
                "city", "Billings", "state", "MT", "zip", "59101", "gradeLevels", List.of("9-12"));
    }

    /** POSTs a valid application; returns its id. */
    static String submitApplication(TestCloud cloud, String organizationName, String managerEmail) {
        var response = cloud.http().post("/applications", application(organizationName, managerEmail));
        assertEquals(201, response.status(), response::toString);
        return response.json().get("id").asText();
    }

    static String submitInterest(TestCloud cloud, String name, String email) {
        var response = cloud.http().post("/interest", interest(name, email));
        assertEquals(201, response.status(), response::toString);
        return response.json().get("id").asText();
    }
}
