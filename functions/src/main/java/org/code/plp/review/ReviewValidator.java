package org.code.plp.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.validation.Validator;

/** The rules for what reviewers send: a decision, a note, scores. Each names every bad field at once. */
public final class ReviewValidator {
    public static final int NOTE_MAX = 5000;
    private static final Set<String> DECISION_FIELDS = Set.of("status", "note", "expectedVersion");
    private static final Set<String> NOTE_FIELDS = Set.of("text");

    private ReviewValidator() {
    }

    /** A decision as asked for, validated. */
    public record Decision(ApplicationStatus status, String note, long expectedVersion) {
    }

    public static Decision decision(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", DECISION_FIELDS);
        String status = v.oneOf(body, "", "status", true, Set.copyOf(ApplicationStatus.wires()));
        String note = v.paragraph(body, "", "note", false, NOTE_MAX);
        JsonNode version = body.get("expectedVersion");
        long expected = 0;
        if (version == null || version.isNull()) {
            v.error("expectedVersion", "Required: the version you reviewed.");
        } else if (!version.canConvertToLong() || !version.isIntegralNumber() || version.longValue() < 1) {
            v.error("expectedVersion", "Must be a whole number of at least 1.");
        } else {
            expected = version.longValue();
        }
        v.throwIfInvalid();
        return new Decision(ApplicationStatus.fromWire(status).orElseThrow(), note, expected);
    }

    /** The text of a note. */
    public static String note(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", NOTE_FIELDS);
        String text = v.paragraph(body, "", "text", true, NOTE_MAX);
        v.throwIfInvalid();
        return text;
    }

    /** The criteria to set, each to "yes" or "no", or to null to clear it. */
    public static Map<String, String> scores(ObjectNode body) {
        Validator v = new Validator();
        Map<String, String> changes = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> {
            String criterion = field.getKey();
            JsonNode answer = field.getValue();
            if (!ReviewCriteria.ALL.contains(criterion)) {
                v.error(criterion, "Unknown criterion. Known: " + String.join(", ", ReviewCriteria.ALL) + ".");
            } else if (answer.isNull()) {
                changes.put(criterion, null);
            } else if (answer.isTextual() && ReviewCriteria.ANSWERS.contains(answer.textValue())) {
                changes.put(criterion, answer.textValue());
            } else {
                v.error(criterion, "Must be \"yes\", \"no\" or null.");
            }
        });
        v.throwIfInvalid();
        return changes;
    }
}
