package org.code.plp.applicant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.ApplicationValidator;
import org.code.plp.validation.FieldRule;
import org.code.plp.platform.Json;
import org.code.plp.validation.Validator;

/**
 * The request bodies of the applicant's routes, read into records (or one 400 naming every bad
 * field). A draft's form is checked for shape only: an object of named fields holding text, yes/no,
 * lists of short text or nested objects, within the form's own limits; the full rules run when it
 * is submitted as an application.
 */
public final class ApplicantValidator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");
    private static final int MAX_DEPTH = 3;
    private static final int MAX_FIELDS = 40;
    private static final int MAX_TEXT = 5000;
    private static final int MAX_LIST = 20;

    // PUT /status/contact's fields: the application's program manager rules, at the top of the body.
    private static final FieldRule FIRST_NAME = ApplicationValidator.FIRST_NAME.under("");
    private static final FieldRule LAST_NAME = ApplicationValidator.LAST_NAME.under("");
    private static final FieldRule TITLE = ApplicationValidator.TITLE.under("");
    private static final FieldRule EMAIL = ApplicationValidator.EMAIL.under("");
    private static final FieldRule PHONE = ApplicationValidator.PM_PHONE.under("");

    /** A saved form: its address for the link, and the form as JSON text, shape-checked. */
    public record DraftInput(String email, String formJson) {
    }

    /** POST /status/withdraw: {"confirm": true}, nothing else. */
    public void withdrawal(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", Set.of("confirm"));
        if (Boolean.FALSE.equals(v.bool(body, "", "confirm", true))) {
            v.error("confirm", "Confirm that you want to withdraw: send \"confirm\": true.");
        }
        v.throwIfInvalid();
    }

    /** PUT /status/contact: the program manager's contact details, as the form's rules read them. */
    public ApplicationForm.ProgramManager contact(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", Set.of("firstName", "lastName", "title", "phone", "email"));
        ApplicationForm.ProgramManager manager = new ApplicationForm.ProgramManager(
                v.text(body, FIRST_NAME), v.text(body, LAST_NAME), v.text(body, TITLE), v.text(body, EMAIL),
                v.text(body, PHONE));
        v.throwIfInvalid();
        return manager;
    }

    /** A body of one field (e.g. {"token"} or {"email"}); {@code email} is read as an email address. */
    public String only(ObjectNode body, String field) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", Set.of(field));
        String value = "email".equals(field) ? v.email(body, "", field, true) : v.line(body, "", field, true, 100);
        v.throwIfInvalid();
        return value;
    }

    /** POST /drafts: {"email", "form"}. */
    public DraftInput draft(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", Set.of("email", "form"));
        String email = v.email(body, "", "email", true);
        shape(v, body.get("form"), "form", 1);
        v.throwIfInvalid();
        return new DraftInput(email, Json.write(body.get("form")));
    }

    /** PUT /drafts: {"form"}; answers the form as JSON text. */
    public String draftForm(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", Set.of("form"));
        shape(v, body.get("form"), "form", 1);
        v.throwIfInvalid();
        return Json.write(body.get("form"));
    }

    private static void shape(Validator v, JsonNode form, String path, int depth) {
        if (form == null || !form.isObject()) {
            v.error(path, "Must be an object of form fields.");
            return;
        }
        if (depth > MAX_DEPTH || form.size() > MAX_FIELDS) {
            v.error(path, "Has more fields or nesting than the application form.");
            return;
        }
        for (Map.Entry<String, JsonNode> field : form.properties()) {
            String name = path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (!NAME.matcher(field.getKey()).matches()) {
                v.error(path, "Has a field name the form does not use.");
            } else if (value.isObject()) {
                shape(v, value, name, depth + 1);
            } else if (value.isArray()) {
                if (value.size() > MAX_LIST) {
                    v.error(name, "Has more items than the form offers.");
                }
                for (JsonNode item : value) {
                    if (!item.isTextual() || item.textValue().length() > 100) {
                        v.error(name, "Must be a list of short text values.");
                        break;
                    }
                }
            } else if (value.isTextual()) {
                if (value.textValue().length() > MAX_TEXT) {
                    v.error(name, "Must be at most " + MAX_TEXT + " characters.");
                }
            } else if (!value.isBoolean() && !value.isNull()) {
                v.error(name, "Must be text or yes/no.");
            }
        }
    }
}
