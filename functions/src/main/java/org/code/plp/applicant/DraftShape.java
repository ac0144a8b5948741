package org.code.plp.applicant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;
import org.code.plp.validation.Validator;

/**
 * The shape a draft may have, and nothing about completeness: an object of named fields holding
 * text, yes/no, lists of short text or nested objects, within the form's own size limits. The full
 * rules run when the draft is submitted as an application.
 */
final class DraftShape {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");
    private static final int MAX_DEPTH = 3;
    private static final int MAX_FIELDS = 40;
    private static final int MAX_TEXT = 5000;
    private static final int MAX_LIST = 20;

    private DraftShape() {
    }

    static void check(Validator v, JsonNode form, String path, int depth) {
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
                v.error(path, "Has a field name the form does not use: " + field.getKey().substring(0, Math.min(40, field.getKey().length())));
            } else if (value.isObject()) {
                check(v, value, name, depth + 1);
            } else if (value.isArray()) {
                if (value.size() > MAX_LIST) {
                    v.error(name, "Has more items than the form offers.");
                }
                value.forEach(item -> {
                    if (!item.isTextual() || item.textValue().length() > 100) {
                        v.error(name, "Must be a list of short text values.");
                    }
                });
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
