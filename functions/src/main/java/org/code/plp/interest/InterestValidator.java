package org.code.plp.interest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.code.plp.regions.ZipStates;
import org.code.plp.validation.Validator;

/** The contract's rules for POST /interest: email, zip and role required, everything else optional. */
public final class InterestValidator {
    public static final Set<String> ROLES = Set.of("teacher", "librarian", "media_specialist",
            "school_administrator", "district_administrator", "other");
    public static final Set<String> GRADE_LEVELS = Set.of("K-5", "6-8", "9-12");
    private static final Set<String> FIELDS = Set.of("name", "email", "organization", "role", "city", "state", "zip",
            "gradeLevels", "notes", "willingToRecruitDistricts", "website");

    public InterestForm validate(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", FIELDS);
        String name = v.line(body, "", "name", false, 200);
        String email = v.email(body, "", "email", true);
        String organization = v.line(body, "", "organization", false, 200);
        String role = v.oneOf(body, "", "role", true, ROLES);
        String city = v.line(body, "", "city", false, 100);
        String zip = v.zip(body, "", "zip", true);
        String state = ZipStates.reconcile(v, "zip", "state", zip, v.state(body, "", "state", false));
        InterestForm form = new InterestForm(name, email, organization, role, city, state, zip,
                v.listOf(body, "", "gradeLevels", 0, GRADE_LEVELS),
                v.paragraph(body, "", "notes", false, 2000),
                v.bool(body, "", "willingToRecruitDistricts", false));
        v.line(body, "", "website", false, 2048);
        v.throwIfInvalid();
        return form;
    }
}
