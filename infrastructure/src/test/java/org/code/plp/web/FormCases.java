package org.code.plp.web;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.code.plp.applications.ApplicationValidator;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.interest.InterestValidator;
import org.code.plp.platform.Json;

/**
 * The shared table of form cases (src/test/resources/form-cases.json): each value replaces one
 * field of a valid body; the Java validators ({@link FormCasesTest}) and web/js/forms.js in the
 * browser ({@link FormCasesBrowserTest}) must judge it as the table says, naming the same field.
 */
final class FormCases {
    /** One row: {@code body} is the valid base with the field replaced (or left out when the value is null). */
    record Case(int row, String form, String field, boolean valid, String errorField, String note, ObjectNode body) {
        /** The field an invalid value is reported on. */
        String expectedField() {
            return errorField != null ? errorField : field;
        }

        @Override
        public String toString() {
            return "#" + row + " " + form + " " + field + (valid ? " valid: " : " invalid: ") + note;
        }
    }

    private FormCases() {
    }

    static List<Case> all() {
        JsonNode doc;
        try (InputStream in = FormCases.class.getResourceAsStream("/form-cases.json")) {
            doc = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode row : doc.get("cases")) {
            String form = row.get("form").asText();
            String field = row.get("field").asText();
            ObjectNode body = doc.get("bases").get(form).deepCopy();
            put(body, field, value(row));
            cases.add(new Case(cases.size() + 1, form, field, row.get("valid").asBoolean(),
                    row.path("errorField").asText(null), row.get("note").asText(), body));
        }
        return cases;
    }

    private static JsonNode value(JsonNode row) {
        JsonNode value = row.get("value");
        int repeat = row.path("repeat").asInt(1);
        return repeat > 1 ? TextNode.valueOf(value.asText().repeat(repeat)) : value;
    }

    private static void put(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        if (value.isNull()) {
            node.remove(parts[parts.length - 1]);
        } else {
            node.set(parts[parts.length - 1], value);
        }
    }

    /** What the API's validator answers: every field error, none when the body is accepted. */
    static List<FieldError> java(Case c) {
        try {
            if (c.form().equals("application")) {
                new ApplicationValidator().validate(c.body());
            } else {
                new InterestValidator().validate(c.body());
            }
            return List.of();
        } catch (Problem problem) {
            return problem.errors();
        }
    }

    /** The bodies as JSON text in ASCII only (every other character escaped, unpaired surrogates included). */
    static String bodiesAsJson(List<Case> cases) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        cases.forEach(c -> array.addObject().put("form", c.form()).set("body", c.body()));
        try {
            return Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(array);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
