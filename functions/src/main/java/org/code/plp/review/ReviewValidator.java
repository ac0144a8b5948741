package org.code.plp.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.platform.Json;
import org.code.plp.validation.Validator;

/** The rules for what reviewers send: a decision, a note, scores. Each names every bad field at once. */
public final class ReviewValidator {
    public static final int NOTE_MAX = 5000;
    private static final Set<String> DECISION_FIELDS = Set.of("status", "note", "expectedVersion", "coPartner");
    private static final Set<String> UNDO_FIELDS = Set.of("expectedVersion");
    private static final Set<String> CLOSE_OUT_FIELDS = Set.of("status", "note");
    /** Where a region's other open applications may go when it has its partner. */
    public static final Set<String> CLOSE_OUT_STATUSES = Set.of(ApplicationStatus.DECLINED.wire(), ApplicationStatus.WAITLISTED.wire());
    private static final Set<String> NOTE_FIELDS = Set.of("text");
    public static final int REASON_MAX = 2000;
    private static final Set<String> ASSIGN_FIELDS = Set.of("email");
    private static final Set<String> RECUSAL_FIELDS = Set.of("reason");

    private ReviewValidator() {
    }

    /** A decision as asked for, validated; {@code coPartner} accepts a deliberate second partner of a region. */
    public record Decision(ApplicationStatus status, String note, long expectedVersion, boolean coPartner) {
        public Decision(ApplicationStatus status, String note, long expectedVersion) {
            this(status, note, expectedVersion, false);
        }
    }

    public static Decision decision(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", DECISION_FIELDS);
        String status = v.oneOf(body, "", "status", true, Set.copyOf(ApplicationStatus.wires()));
        String note = v.paragraph(body, "", "note", false, NOTE_MAX);
        long expected = expectedVersion(body, v);
        Boolean coPartner = v.bool(body, "", "coPartner", false);
        if (Boolean.TRUE.equals(coPartner) && status != null && !status.equals(ApplicationStatus.ACCEPTED.wire())) {
            v.error("coPartner", "Only an acceptance can make a co-partner.");
        }
        v.throwIfInvalid();
        return new Decision(ApplicationStatus.fromWire(status).orElseThrow(), note, expected, Boolean.TRUE.equals(coPartner));
    }

    /** POST .../undo: the version the reviewer sees (the decision's). */
    public static long undo(ObjectNode body) {
        return read(body, UNDO_FIELDS, ReviewValidator::expectedVersion);
    }

    /** POST /admin/regions/{id}/close-out: where the open applications go, and an optional internal note. */
    public record CloseOut(ApplicationStatus status, String note) {
    }

    public static CloseOut closeOut(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", CLOSE_OUT_FIELDS);
        String status = v.oneOf(body, "", "status", true, CLOSE_OUT_STATUSES);
        String note = v.paragraph(body, "", "note", false, NOTE_MAX);
        v.throwIfInvalid();
        return new CloseOut(ApplicationStatus.fromWire(status).orElseThrow(), note);
    }

    /** GET .../decision-preview?status=: the status whose email to show. */
    public static ApplicationStatus previewStatus(String status) {
        Validator v = new Validator();
        if (status == null || status.isBlank()) {
            v.error("status", "Required: the status to preview.");
        } else if (ApplicationStatus.fromWire(status).isEmpty()) {
            v.error("status", "Must be one of " + String.join(", ", ApplicationStatus.wires()) + ".");
        }
        v.throwIfInvalid();
        return ApplicationStatus.fromWire(status).orElseThrow();
    }

    private static long expectedVersion(ObjectNode body, Validator v) {
        JsonNode version = body.get("expectedVersion");
        if (version == null || version.isNull()) {
            v.error("expectedVersion", "Required: the version you reviewed.");
        } else if (!version.canConvertToLong() || !version.isIntegralNumber() || version.longValue() < 1) {
            v.error("expectedVersion", "Must be a whole number of at least 1.");
        } else {
            return version.longValue();
        }
        return 0;
    }

    /** The text of a note. */
    public static String note(ObjectNode body) {
        return read(body, NOTE_FIELDS, (b, v) -> v.paragraph(b, "", "text", true, NOTE_MAX));
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

    /** The reviewer to assign (an email), or null for the caller. */
    public static String assignee(ObjectNode body) {
        return read(body, ASSIGN_FIELDS, (b, v) -> v.email(b, "", "email", false));
    }

    /** The reviewer to unassign, from the path: the same email rule as the body's (400 naming {@code email}). */
    public static String unassignee(String email) {
        ObjectNode path = Json.object();
        path.put("email", email);
        return read(path, ASSIGN_FIELDS, (b, v) -> v.email(b, "", "email", true));
    }

    /** Why the reviewer recuses themselves (optional). */
    public static String recusalReason(ObjectNode body) {
        return read(body, RECUSAL_FIELDS, (b, v) -> v.paragraph(b, "", "reason", false, REASON_MAX));
    }

    /** A duplicate flag's dismissal carries nothing: an empty object. */
    public static void dismissal(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", Set.of());
        v.throwIfInvalid();
    }

    /** A body of one or two fields: unknown fields and the read's own errors answered together. */
    private static <T> T read(ObjectNode body, Set<String> known, BiFunction<ObjectNode, Validator, T> field) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", known);
        T value = field.apply(body, v);
        v.throwIfInvalid();
        return value;
    }
}
