package org.code.plp.applications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.code.plp.validation.Validator;

/**
 * The contract's rules for POST /applications. Returns the cleaned form (trimmed, normalised,
 * honeypot dropped) or throws one 400 problem that names every bad field.
 */
public final class ApplicationValidator {
    public static final Set<String> ORGANIZATION_TYPES =
            Set.of("regional_education_unit", "nonprofit", "school_district", "university", "other");
    public static final Set<String> PROGRAMS = Set.of("csp", "csd", "ecs", "cs_in_science", "cs_in_algebra");
    public static final Set<String> FACILITATORS = Set.of("own", "contract", "undecided");
    public static final int NAME_MAX = 200;
    public static final int PERSON_NAME_MAX = 100;
    public static final int ESSAY_MAX = 5000;

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

        String regionId = v.slug(body, "", "regionId", true);
        ApplicationForm.Organization organization = organization(v, body);
        ApplicationForm.ProgramManager manager = programManager(v, body);
        List<String> programs = v.listOf(body, "", "programs", 1, PROGRAMS);
        String districtRelationships = v.paragraph(body, "", "districtRelationships", true, ESSAY_MAX);
        String pdExperience = v.paragraph(body, "", "pdExperience", true, ESSAY_MAX);
        String fundingPlan = v.paragraph(body, "", "fundingPlan", true, ESSAY_MAX);
        String facilitators = v.oneOf(body, "", "facilitators", false, FACILITATORS);

        ApplicationForm.JointApplication jointApplication = null;
        ObjectNode joint = v.object(body, "", "jointApplication", false);
        if (joint != null) {
            v.onlyKnownFields(joint, "jointApplication", JOINT);
            String partner = v.line(joint, "jointApplication", "partnerName", false, NAME_MAX);
            jointApplication = partner == null ? null : new ApplicationForm.JointApplication(partner);
        }

        Boolean agreed = v.bool(body, "", "agreedToTerms", true);
        if (agreed != null && !agreed) {
            v.error("agreedToTerms", "You must agree to the program terms to apply.");
        }
        // A form may name the version it showed; agreeing is always to the version in force when it arrives.
        String shownTerms = v.line(body, "", "termsVersion", false, 20);
        if (shownTerms != null && !shownTerms.equals(termsVersion)) {
            v.error("termsVersion", "The program terms have changed (now version " + termsVersion
                    + "). Please read the current terms and agree to them again.");
        }
        v.line(body, "", "website", false, 2048);

        v.throwIfInvalid();
        return new ApplicationForm(regionId, organization, manager, programs, districtRelationships, pdExperience,
                fundingPlan, facilitators, jointApplication, Boolean.TRUE.equals(agreed), termsVersion);
    }

    private static ApplicationForm.Organization organization(Validator v, ObjectNode body) {
        ObjectNode org = v.object(body, "", "organization", true);
        if (org == null) {
            return null;
        }
        String path = "organization";
        v.onlyKnownFields(org, path, ORGANIZATION);
        String name = v.line(org, path, "name", true, NAME_MAX);
        String type = v.oneOf(org, path, "type", true, ORGANIZATION_TYPES);
        String typeOther = v.line(org, path, "typeOther", "other".equals(type), NAME_MAX);
        String website = v.url(org, path, "website", false);
        String phone = v.phone(org, path, "phone", true);
        return new ApplicationForm.Organization(name, type, "other".equals(type) ? typeOther : null, website, phone,
                address(v, org, path));
    }

    private static ApplicationForm.Address address(Validator v, ObjectNode org, String orgPath) {
        ObjectNode address = v.object(org, orgPath, "address", true);
        if (address == null) {
            return null;
        }
        String path = orgPath + ".address";
        v.onlyKnownFields(address, path, ADDRESS);
        return new ApplicationForm.Address(
                v.line(address, path, "street", true, NAME_MAX),
                v.line(address, path, "city", true, PERSON_NAME_MAX),
                v.state(address, path, "state", true),
                v.zip(address, path, "zip", true));
    }

    private static ApplicationForm.ProgramManager programManager(Validator v, ObjectNode body) {
        ObjectNode manager = v.object(body, "", "programManager", true);
        if (manager == null) {
            return null;
        }
        String path = "programManager";
        v.onlyKnownFields(manager, path, MANAGER);
        return new ApplicationForm.ProgramManager(
                v.line(manager, path, "firstName", true, PERSON_NAME_MAX),
                v.line(manager, path, "lastName", true, PERSON_NAME_MAX),
                v.line(manager, path, "title", false, 150),
                v.email(manager, path, "email", true),
                v.phone(manager, path, "phone", true));
    }
}
