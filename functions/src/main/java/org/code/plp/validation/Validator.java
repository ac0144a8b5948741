package org.code.plp.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;

/**
 * Walks a JSON tree and collects every field error at once, so a form can show them all.
 * Each reader returns the cleaned value (trimmed, NFC-normalised) or null when absent or bad.
 */
public final class Validator {
    static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");
    static final Pattern ZIP = Pattern.compile("^\\d{5}(-?\\d{4})?$");
    static final Pattern PHONE_CHARS = Pattern.compile("^[0-9()+.\\-\\s]+$");
    static final Pattern URL = Pattern.compile("^https?://[^\\s/$.?#][^\\s]*$", Pattern.CASE_INSENSITIVE);
    static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    public static final Choices US_STATES = UsStates.CHOICES;

    private final List<FieldError> errors = new ArrayList<>();

    public void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the 400 validation problem naming every bad field, if there is one. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw Problem.validation(errors);
        }
    }

    /** Rejects fields the contract does not know, so typos and injected fields never pass silently. */
    public void onlyKnownFields(ObjectNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(join(path, name), Message.UNKNOWN_FIELD.template());
            }
        }
    }

    /** A nested object; null (with an error when required) if absent or not an object. */
    public ObjectNode object(ObjectNode parent, String path, String name, boolean required) {
        JsonNode node = parent.get(name);
        if (isAbsent(node)) {
            if (required) {
                error(join(path, name), Message.REQUIRED.template());
            }
            return null;
        }
        if (!node.isObject()) {
            error(join(path, name), Message.MUST_BE_OBJECT.template());
            return null;
        }
        return (ObjectNode) node;
    }

    /** A single-line text cleaned by {@link Text}: no control, format or separator characters, at most {@code max}. */
    public String line(ObjectNode parent, String path, String name, boolean required, int max) {
        return text(parent, path, name, required, max, false);
    }

    /** A multi-line text (newlines and tabs allowed). */
    public String paragraph(ObjectNode parent, String path, String name, boolean required, int max) {
        return text(parent, path, name, required, max, true);
    }

    private String text(ObjectNode parent, String path, String name, boolean required, int max, boolean multiline) {
        String field = join(path, name);
        JsonNode node = parent == null ? null : parent.get(name);
        if (isAbsent(node)) {
            if (required) {
                error(field, Message.REQUIRED.template());
            }
            return null;
        }
        if (!node.isTextual()) {
            error(field, Message.MUST_BE_TEXT.template());
            return null;
        }
        String problem = Text.problem(node.textValue(), multiline);
        if (problem != null) {
            error(field, problem);
            return null;
        }
        String value = Text.clean(node.textValue(), multiline);
        if (value.isEmpty()) {
            if (required) {
                error(field, Message.REQUIRED.template());
            }
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            error(field, Message.TOO_LONG.with("max", max));
            return null;
        }
        return value;
    }

    public String email(ObjectNode parent, String path, String name, boolean required) {
        String field = join(path, name);
        JsonNode node = parent == null ? null : parent.get(name);
        if (node != null && node.isTextual() && node.textValue().chars().anyMatch(c -> c == '\r' || c == '\n')) {
            error(field, Message.SINGLE_EMAIL.template());
            return null;
        }
        String value = line(parent, path, name, required, FieldRule.EMAIL_MAX);
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        if (!EMAIL.matcher(value).matches() || at > FieldRule.EMAIL_LOCAL_MAX) {
            error(field, Message.EMAIL.template());
            return null;
        }
        return value.substring(0, at) + value.substring(at).toLowerCase(java.util.Locale.ROOT);
    }

    /** A US phone number with 10 digits (a leading country code 1 is allowed); returned as 555-555-5555. */
    public String phone(ObjectNode parent, String path, String name, boolean required) {
        String value = line(parent, path, name, required, FieldRule.PHONE_MAX);
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        // North American numbering: neither the area code nor the exchange starts with 0 or 1.
        if (!PHONE_CHARS.matcher(value).matches() || digits.length() != 10
                || digits.charAt(0) < '2' || digits.charAt(3) < '2') {
            error(join(path, name), Message.PHONE.template());
            return null;
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
    }

    public String zip(ObjectNode parent, String path, String name, boolean required) {
        String value = line(parent, path, name, required, FieldRule.ZIP_MAX);
        if (value != null && !ZIP.matcher(value).matches()) {
            error(join(path, name), Message.ZIP.template());
            return null;
        }
        return value == null ? null : value.length() == 9 ? value.substring(0, 5) + "-" + value.substring(5) : value;
    }

    public String state(ObjectNode parent, String path, String name, boolean required) {
        String value = line(parent, path, name, required, FieldRule.STATE_MAX);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        if (!US_STATES.contains(upper)) {
            error(join(path, name), Message.STATE.template());
            return null;
        }
        return upper;
    }

    public String url(ObjectNode parent, String path, String name, boolean required) {
        String value = line(parent, path, name, required, FieldRule.URL_MAX);
        if (value != null && !URL.matcher(value).matches()) {
            error(join(path, name), Message.URL.template());
            return null;
        }
        return value;
    }

    public String slug(ObjectNode parent, String path, String name, boolean required) {
        String value = line(parent, path, name, required, FieldRule.SLUG_MAX);
        if (value != null && !SLUG.matcher(value).matches()) {
            error(join(path, name), Message.SLUG.template());
            return null;
        }
        return value;
    }

    /** Whether a value is an id slug: lowercase letters, digits and dashes, at most 64. */
    public static boolean isSlug(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    public String oneOf(ObjectNode parent, String path, String name, boolean required, Set<String> allowed) {
        String value = line(parent, path, name, required, FieldRule.CODE_MAX);
        if (value != null && !allowed.contains(value)) {
            error(join(path, name), oneOfMessage(allowed));
            return null;
        }
        return value;
    }

    /** A whole number from 0 to {@code max} (a JSON number such as 12 or 12.0). */
    public Long count(ObjectNode parent, String path, String name, boolean required, long max) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (isAbsent(node)) {
            if (required) {
                error(join(path, name), Message.REQUIRED.template());
            }
            return null;
        }
        java.math.BigDecimal value = node.isNumber() ? node.decimalValue() : null;
        if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 0
                || value.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            error(join(path, name), "Must be a whole number from 0 to " + max + ".");
            return null;
        }
        return value.longValueExact();
    }

    /** A finite number from {@code min} to {@code max}. */
    public Double number(ObjectNode parent, String path, String name, boolean required, double min, double max) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (isAbsent(node)) {
            if (required) {
                error(join(path, name), Message.REQUIRED.template());
            }
            return null;
        }
        double value = node.isNumber() ? node.doubleValue() : Double.NaN;
        if (!Double.isFinite(value) || value < min || value > max) {
            error(join(path, name), "Must be a number from " + min + " to " + max + ".");
            return null;
        }
        return value;
    }

    /** A list of distinct known values; {@code min} 1 makes it required and non-empty. */
    public List<String> listOf(ObjectNode parent, String path, String name, int min, Set<String> allowed) {
        String field = join(path, name);
        JsonNode node = parent == null ? null : parent.get(name);
        if (isAbsent(node)) {
            if (min > 0) {
                error(field, Message.REQUIRED.template());
            }
            return List.of();
        }
        if (!node.isArray()) {
            error(field, Message.MUST_BE_LIST.template());
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || !allowed.contains(item.textValue())) {
                error(field + "[" + i + "]", oneOfMessage(allowed));
            } else if (!values.add(item.textValue())) {
                error(field + "[" + i + "]", Message.LISTED_TWICE.template());
            }
        }
        if (values.size() < min && node.size() == 0) {
            error(field, Message.AT_LEAST.with("min", min));
        }
        return List.copyOf(values);
    }

    public Boolean bool(ObjectNode parent, String path, String name, boolean required) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (isAbsent(node)) {
            if (required) {
                error(join(path, name), Message.REQUIRED.template());
            }
            return null;
        }
        if (!node.isBoolean()) {
            error(join(path, name), Message.MUST_BE_BOOLEAN.template());
            return null;
        }
        return node.booleanValue();
    }

    /** A text field by its rule (line, paragraph, email, phone, ZIP, state, URL, slug, one of; a honeypot reads as a line). */
    public String text(ObjectNode parent, FieldRule rule) {
        String path = rule.parent();
        String name = rule.name();
        boolean required = rule.isRequired();
        if (rule.whenField() != null) {
            required = rule.whenValue().equals(valueAt(parent, rule));
        }
        return switch (rule.kind()) {
            case LINE, HONEYPOT -> line(parent, path, name, required, rule.max());
            case PARAGRAPH -> paragraph(parent, path, name, required, rule.max());
            case EMAIL -> email(parent, path, name, required);
            case PHONE -> phone(parent, path, name, required);
            case ZIP -> zip(parent, path, name, required);
            case STATE -> state(parent, path, name, required);
            case URL -> url(parent, path, name, required);
            case SLUG -> slug(parent, path, name, required);
            case ONE_OF -> oneOf(parent, path, name, required, rule.choices().codes());
            case LIST_OF, BOOL, ACCEPT -> throw new IllegalArgumentException(rule.path() + " is not text");
        };
    }

    /** A list field by its rule. */
    public List<String> list(ObjectNode parent, FieldRule rule) {
        return listOf(parent, rule.parent(), rule.name(), rule.min(), rule.choices().codes());
    }

    /** A true/false field by its rule; an {@link FieldRule.Kind#ACCEPT} field answered false is its refusal. */
    public Boolean flag(ObjectNode parent, FieldRule rule) {
        Boolean value = bool(parent, rule.parent(), rule.name(), rule.isRequired());
        if (rule.kind() == FieldRule.Kind.ACCEPT && Boolean.FALSE.equals(value)) {
            error(rule.path(), rule.refusal());
        }
        return value;
    }

    /** The raw text of the field a rule depends on (a sibling in the same object), for "required when". */
    private String valueAt(ObjectNode parent, FieldRule rule) {
        if (parent == null || !rule.whenField().startsWith(rule.parent())) {
            return null;
        }
        String sibling = rule.whenField().substring(rule.parent().isEmpty() ? 0 : rule.parent().length() + 1);
        JsonNode node = parent.get(sibling);
        return node != null && node.isTextual() ? Text.clean(node.textValue(), false) : null;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String join(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    private static String oneOfMessage(Set<String> allowed) {
        return Message.ONE_OF.with("choices", String.join(", ", allowed.stream().sorted().toList()));
    }
}
