package org.code.plp.interest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.code.plp.platform.Json;
import org.code.plp.regions.ZipStates;
import org.code.plp.validation.Validator;

/** The contract's rules for POST /interest: email, zip and role required, everything else optional. */
public final class InterestValidator {
    public static final Set<String> ROLES = Set.of("teacher", "librarian", "media_specialist",
            "school_administrator", "district_administrator", "other");
    public static final Set<String> GRADE_LEVELS = Set.of("K-5", "6-8", "9-12");
    private static final Set<String> FIELDS = Set.of("name", "email", "organization", "role", "city", "state", "zip",
            "gradeLevels", "notes", "willingToRecruitDistricts", "website");

    public ObjectNode validate(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", FIELDS);
        ObjectNode clean = Json.object();
        put(clean, "name", v.line(body, "", "name", false, 200));
        put(clean, "email", v.email(body, "", "email", true));
        put(clean, "organization", v.line(body, "", "organization", false, 200));
        put(clean, "role", v.oneOf(body, "", "role", true, ROLES));
        put(clean, "city", v.line(body, "", "city", false, 100));
        String zip = v.zip(body, "", "zip", true);
        put(clean, "state", ZipStates.reconcile(v, "zip", "state", zip, v.state(body, "", "state", false)));
        put(clean, "zip", zip);
        List<String> grades = v.listOf(body, "", "gradeLevels", 0, GRADE_LEVELS);
        clean.putArray("gradeLevels").addAll(grades.stream().map(clean::textNode).toList());
        put(clean, "notes", v.paragraph(body, "", "notes", false, 2000));
        Boolean recruit = v.bool(body, "", "willingToRecruitDistricts", false);
        if (recruit != null) {
            clean.put("willingToRecruitDistricts", recruit);
        }
        v.line(body, "", "website", false, 2048);
        v.throwIfInvalid();
        return clean;
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
