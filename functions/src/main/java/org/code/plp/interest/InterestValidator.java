package org.code.plp.interest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.code.plp.regions.ZipStates;
import org.code.plp.validation.Choices;
import org.code.plp.validation.FieldRule;
import org.code.plp.validation.Validator;

/** The contract's rules for POST /interest: email, zip and role required, everything else optional. */
public final class InterestValidator {
    public static final Choices ROLES = Choices.of("roles", "teacher", "Teacher", "librarian", "Librarian",
            "media_specialist", "Media specialist", "school_administrator", "School administrator",
            "district_administrator", "District administrator", "other", "Other");
    public static final Choices GRADE_LEVELS = Choices.of("gradeLevels", "K-5", "K–5", "6-8", "6–8", "9-12", "9–12");

    static final FieldRule NAME = FieldRule.line("name", 200);
    static final FieldRule EMAIL = FieldRule.email("email").required();
    static final FieldRule ORGANIZATION = FieldRule.line("organization", 200);
    static final FieldRule ROLE = FieldRule.oneOf("role", ROLES).required();
    static final FieldRule CITY = FieldRule.line("city", 100);
    static final FieldRule STATE = FieldRule.state("state");
    static final FieldRule ZIP = FieldRule.zip("zip").required();
    static final FieldRule GRADES = FieldRule.listOf("gradeLevels", GRADE_LEVELS);
    static final FieldRule NOTES = FieldRule.paragraph("notes", 2000);
    static final FieldRule RECRUIT = FieldRule.bool("willingToRecruitDistricts");
    static final FieldRule HONEYPOT = FieldRule.honeypot("website");

    /** Every field of the form, in the order the page shows them (web/js/rules.json's "interest"). */
    public static final List<FieldRule> RULES = List.of(NAME, EMAIL, ORGANIZATION, ROLE, CITY, STATE, ZIP, GRADES,
            NOTES, RECRUIT, HONEYPOT);
    private static final Set<String> FIELDS = Set.of("name", "email", "organization", "role", "city", "state", "zip",
            "gradeLevels", "notes", "willingToRecruitDistricts", "website");

    public InterestForm validate(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", FIELDS);
        String name = v.text(body, NAME);
        String email = v.text(body, EMAIL);
        String organization = v.text(body, ORGANIZATION);
        String role = v.text(body, ROLE);
        String city = v.text(body, CITY);
        String zip = v.text(body, ZIP);
        // The ZIP's state is the server's own check (the pages have no ZIP table).
        String state = ZipStates.reconcile(v, "zip", "state", zip, v.text(body, STATE));
        InterestForm form = new InterestForm(name, email, organization, role, city, state, zip,
                v.list(body, GRADES), v.text(body, NOTES), v.flag(body, RECRUIT));
        v.text(body, HONEYPOT);
        v.throwIfInvalid();
        return form;
    }
}
