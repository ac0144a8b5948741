package org.code.plp.applications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.code.plp.validation.Choices;
import org.code.plp.validation.FieldRule;
import org.code.plp.validation.Validator;

/**
 * The contract's rules for POST /applications. Returns the cleaned form (trimmed, normalised,
 * honeypot dropped) or throws one 400 problem that names every bad field.
 */
public final class ApplicationValidator {
    public static final Choices ORGANIZATION_TYPES = Choices.of("organizationTypes",
            "regional_education_unit", "Regional education unit", "nonprofit", "Nonprofit",
            "school_district", "School district", "university", "University", "other", "Other");
    public static final Choices PROGRAMS = Choices.of("programs",
            "csp", "CS Principles", "csd", "CS Discoveries", "ecs", "Exploring Computer Science",
            "cs_in_science", "CS in Science", "cs_in_algebra", "CS in Algebra");
    public static final Choices FACILITATORS = Choices.of("facilitators",
            "own", "Our own staff", "contract", "Contracted facilitators", "undecided", "Not decided yet");
    public static final int NAME_MAX = 200;
    public static final int PERSON_NAME_MAX = 100;
    public static final int ESSAY_MAX = 5000;

    static final FieldRule REGION = FieldRule.slug("regionId").required();
    static final FieldRule ORG_NAME = FieldRule.line("organization.name", NAME_MAX).required();
    static final FieldRule ORG_TYPE = FieldRule.oneOf("organization.type", ORGANIZATION_TYPES).required();
    static final FieldRule ORG_TYPE_OTHER = FieldRule.line("organization.typeOther", NAME_MAX)
            .requiredWhen("organization.type", "other");
    static final FieldRule ORG_WEBSITE = FieldRule.url("organization.website");
    static final FieldRule ORG_PHONE = FieldRule.phone("organization.phone").required();
    static final FieldRule STREET = FieldRule.line("organization.address.street", NAME_MAX).required();
    static final FieldRule CITY = FieldRule.line("organization.address.city", PERSON_NAME_MAX).required();
    static final FieldRule STATE = FieldRule.state("organization.address.state").required();
    static final FieldRule ZIP = FieldRule.zip("organization.address.zip").required();
    /** The program manager's fields, which the applicant may also correct later (PUT /status/contact). */
    public static final FieldRule FIRST_NAME = FieldRule.line("programManager.firstName", PERSON_NAME_MAX).required();
    public static final FieldRule LAST_NAME = FieldRule.line("programManager.lastName", PERSON_NAME_MAX).required();
    public static final FieldRule TITLE = FieldRule.line("programManager.title", 150);
    public static final FieldRule EMAIL = FieldRule.email("programManager.email").required();
    public static final FieldRule PM_PHONE = FieldRule.phone("programManager.phone").required();
    static final FieldRule PROGRAM_LIST = FieldRule.listOf("programs", PROGRAMS).atLeast(1);
    static final FieldRule DISTRICTS = FieldRule.paragraph("districtRelationships", ESSAY_MAX).required();
    static final FieldRule PD_EXPERIENCE = FieldRule.paragraph("pdExperience", ESSAY_MAX).required();
    static final FieldRule FUNDING = FieldRule.paragraph("fundingPlan", ESSAY_MAX).required();
    static final FieldRule FACILITATOR = FieldRule.oneOf("facilitators", FACILITATORS);
    static final FieldRule JOINT_PARTNER = FieldRule.line("jointApplication.partnerName", NAME_MAX);
    static final FieldRule AGREED = FieldRule.accept("agreedToTerms", "You must agree to the program terms to apply.");
    static final FieldRule TERMS = FieldRule.line("termsVersion", 20);
    static final FieldRule HONEYPOT = FieldRule.honeypot("website");

    /** Every field of the form, in the order the page shows them (web/js/rules.json's "application"). */
    public static final List<FieldRule> RULES = List.of(REGION, ORG_NAME, ORG_TYPE, ORG_TYPE_OTHER, ORG_WEBSITE,
            STREET, CITY, STATE, ZIP, ORG_PHONE, FIRST_NAME, LAST_NAME, TITLE, EMAIL, PM_PHONE, PROGRAM_LIST,
            DISTRICTS, PD_EXPERIENCE, FUNDING, FACILITATOR, JOINT_PARTNER, AGREED, TERMS, HONEYPOT);

    private static final Set<String> TOP = Set.of("regionId", "organization", "programManager", "programs",
            "districtRelationships", "pdExperience", "fundingPlan", "facilitators", "jointApplication",
            "agreedToTerms", "termsVersion", "website");
    private static final Set<String> ORGANIZATION = Set.of("name", "type", "typeOther", "website", "address", "phone");
    private static final Set<String> ADDRESS = Set.of("street", "city", "state", "zip");
    private static final Set<String> MANAGER = Set.of("firstName", "lastName", "title", "email", "phone");
    private static final Set<String> JOINT = Set.of("partnerName");

    /** The version of the program terms (web/terms.html) in force, unless configured (TERMS_VERSION). */
    public static final String TERMS_VERSION = "2026-1";

    private final String termsVersion;

    public ApplicationValidator() {
        this(TERMS_VERSION);
    }

    /** With the version of the terms in force: an application agrees to that version, and a form that says another is refused. */
    public ApplicationValidator(String termsVersion) {
        this.termsVersion = termsVersion;
    }

    public ApplicationForm validate(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", TOP);

        String regionId = v.text(body, REGION);
        ApplicationForm.Organization organization = organization(v, body);
        ApplicationForm.ProgramManager manager = programManager(v, body);
        List<String> programs = v.list(body, PROGRAM_LIST);
        String districtRelationships = v.text(body, DISTRICTS);
        String pdExperience = v.text(body, PD_EXPERIENCE);
        String fundingPlan = v.text(body, FUNDING);
        String facilitators = v.text(body, FACILITATOR);

        ApplicationForm.JointApplication jointApplication = null;
        ObjectNode joint = v.object(body, "", "jointApplication", false);
        if (joint != null) {
            v.onlyKnownFields(joint, "jointApplication", JOINT);
            String partner = v.text(joint, JOINT_PARTNER);
            jointApplication = partner == null ? null : new ApplicationForm.JointApplication(partner);
        }

        Boolean agreed = v.flag(body, AGREED);
        // A form may name the version it showed; agreeing is always to the version in force when it arrives.
        String shownTerms = v.text(body, TERMS);
        if (shownTerms != null && !shownTerms.equals(termsVersion)) {
            v.error("termsVersion", "The program terms have changed (now version " + termsVersion
                    + "). Please read the current terms and agree to them again.");
        }
        v.text(body, HONEYPOT);

        v.throwIfInvalid();
        return new ApplicationForm(regionId, organization, manager, programs, districtRelationships, pdExperience,
                fundingPlan, facilitators, jointApplication, Boolean.TRUE.equals(agreed), termsVersion);
    }

    private static ApplicationForm.Organization organization(Validator v, ObjectNode body) {
        ObjectNode org = v.object(body, "", "organization", true);
        if (org == null) {
            return null;
        }
        v.onlyKnownFields(org, "organization", ORGANIZATION);
        String name = v.text(org, ORG_NAME);
        String type = v.text(org, ORG_TYPE);
        String typeOther = v.text(org, ORG_TYPE_OTHER);
        String website = v.text(org, ORG_WEBSITE);
        String phone = v.text(org, ORG_PHONE);
        return new ApplicationForm.Organization(name, type, "other".equals(type) ? typeOther : null, website, phone,
                address(v, org));
    }

    private static ApplicationForm.Address address(Validator v, ObjectNode org) {
        ObjectNode address = v.object(org, "organization", "address", true);
        if (address == null) {
            return null;
        }
        v.onlyKnownFields(address, "organization.address", ADDRESS);
        return new ApplicationForm.Address(v.text(address, STREET), v.text(address, CITY), v.text(address, STATE),
                v.text(address, ZIP));
    }

    private static ApplicationForm.ProgramManager programManager(Validator v, ObjectNode body) {
        ObjectNode manager = v.object(body, "", "programManager", true);
        if (manager == null) {
            return null;
        }
        v.onlyKnownFields(manager, "programManager", MANAGER);
        return new ApplicationForm.ProgramManager(v.text(manager, FIRST_NAME), v.text(manager, LAST_NAME),
                v.text(manager, TITLE), v.text(manager, EMAIL), v.text(manager, PM_PHONE));
    }
}
