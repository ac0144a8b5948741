package org.code.plp.applications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.code.plp.platform.Json;
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
            "agreedToTerms", "website");
    private static final Set<String> ORGANIZATION = Set.of("name", "type", "typeOther", "website", "address", "phone");
    private static final Set<String> ADDRESS = Set.of("street", "city", "state", "zip");
    private static final Set<String> MANAGER = Set.of("firstName", "lastName", "title", "email", "phone");
    private static final Set<String> JOINT = Set.of("partnerName");

    public ObjectNode validate(ObjectNode body) {
        Validator v = new Validator();
        ObjectNode clean = Json.object();
        v.onlyKnownFields(body, "", TOP);

        put(clean, "regionId", v.slug(body, "", "regionId", true));
        organization(v, body, clean);
        programManager(v, body, clean);
        List<String> programs = v.listOf(body, "", "programs", 1, PROGRAMS);
        clean.putArray("programs").addAll(programs.stream().map(clean::textNode).toList());
        put(clean, "districtRelationships", v.paragraph(body, "", "districtRelationships", true, ESSAY_MAX));
        put(clean, "pdExperience", v.paragraph(body, "", "pdExperience", true, ESSAY_MAX));
        put(clean, "fundingPlan", v.paragraph(body, "", "fundingPlan", true, ESSAY_MAX));
        put(clean, "facilitators", v.oneOf(body, "", "facilitators", false, FACILITATORS));

        ObjectNode joint = v.object(body, "", "jointApplication", false);
        if (joint != null) {
            v.onlyKnownFields(joint, "jointApplication", JOINT);
            String partner = v.line(joint, "jointApplication", "partnerName", false, NAME_MAX);
            if (partner != null) {
                clean.putObject("jointApplication").put("partnerName", partner);
            }
        }

        Boolean agreed = v.bool(body, "", "agreedToTerms", true);
        if (agreed != null && !agreed) {
            v.error("agreedToTerms", "You must agree to the program terms to apply.");
        }
        clean.put("agreedToTerms", Boolean.TRUE.equals(agreed));
        v.line(body, "", "website", false, 2048);

        v.throwIfInvalid();
        return clean;
    }

    private void organization(Validator v, ObjectNode body, ObjectNode clean) {
        ObjectNode org = v.object(body, "", "organization", true);
        if (org == null) {
            return;
        }
        String path = "organization";
        v.onlyKnownFields(org, path, ORGANIZATION);
        ObjectNode out = clean.putObject(path);
        put(out, "name", v.line(org, path, "name", true, NAME_MAX));
        String type = v.oneOf(org, path, "type", true, ORGANIZATION_TYPES);
        put(out, "type", type);
        String typeOther = v.line(org, path, "typeOther", "other".equals(type), NAME_MAX);
        if ("other".equals(type)) {
            put(out, "typeOther", typeOther);
        }
        put(out, "website", v.url(org, path, "website", false));
        put(out, "phone", v.phone(org, path, "phone", true));

        ObjectNode address = v.object(org, path, "address", true);
        if (address != null) {
            String addressPath = path + ".address";
            v.onlyKnownFields(address, addressPath, ADDRESS);
            ObjectNode cleanAddress = out.putObject("address");
            put(cleanAddress, "street", v.line(address, addressPath, "street", true, NAME_MAX));
            put(cleanAddress, "city", v.line(address, addressPath, "city", true, PERSON_NAME_MAX));
            put(cleanAddress, "state", v.state(address, addressPath, "state", true));
            put(cleanAddress, "zip", v.zip(address, addressPath, "zip", true));
        }
    }

    private void programManager(Validator v, ObjectNode body, ObjectNode clean) {
        ObjectNode manager = v.object(body, "", "programManager", true);
        if (manager == null) {
            return;
        }
        String path = "programManager";
        v.onlyKnownFields(manager, path, MANAGER);
        ObjectNode out = clean.putObject(path);
        put(out, "firstName", v.line(manager, path, "firstName", true, PERSON_NAME_MAX));
        put(out, "lastName", v.line(manager, path, "lastName", true, PERSON_NAME_MAX));
        put(out, "title", v.line(manager, path, "title", false, 150));
        put(out, "email", v.email(manager, path, "email", true));
        put(out, "phone", v.phone(manager, path, "phone", true));
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
