package org.code.plp.validation;

/**
 * The rule of one form field, by its dotted path: what kind of value, whether required, its cap,
 * its choices. The form validators read with these ({@link Validator#text}, {@link Validator#list},
 * {@link Validator#flag}) and RulesJson (a test) writes the same rules to web/js/rules.json, so the
 * pages check exactly what the API checks.
 *
 * @param whenField with {@code whenValue}: required only when that field has that value
 * @param refusal for {@link Kind#ACCEPT}: the message when the answer is false
 */
public record FieldRule(String path, Kind kind, boolean isRequired, int max, int min, Choices choices,
                        String whenField, String whenValue, String refusal) {
    public enum Kind { LINE, PARAGRAPH, EMAIL, PHONE, ZIP, STATE, URL, SLUG, ONE_OF, LIST_OF, BOOL, ACCEPT, HONEYPOT }

    public static final int EMAIL_MAX = 254;
    /** Most characters before the @ of an email address (RFC 5321). */
    public static final int EMAIL_LOCAL_MAX = 64;
    public static final int PHONE_MAX = 40;
    public static final int ZIP_MAX = 10;
    public static final int STATE_MAX = 2;
    public static final int URL_MAX = 2048;
    public static final int SLUG_MAX = 64;
    public static final int CODE_MAX = 64;

    private static FieldRule of(String path, Kind kind, int max, Choices choices) {
        return new FieldRule(path, kind, false, max, 0, choices, null, null, null);
    }

    public static FieldRule line(String path, int max) {
        return of(path, Kind.LINE, max, null);
    }

    public static FieldRule paragraph(String path, int max) {
        return of(path, Kind.PARAGRAPH, max, null);
    }

    public static FieldRule email(String path) {
        return of(path, Kind.EMAIL, EMAIL_MAX, null);
    }

    public static FieldRule phone(String path) {
        return of(path, Kind.PHONE, PHONE_MAX, null);
    }

    public static FieldRule zip(String path) {
        return of(path, Kind.ZIP, ZIP_MAX, null);
    }

    public static FieldRule state(String path) {
        return of(path, Kind.STATE, STATE_MAX, UsStates.CHOICES);
    }

    public static FieldRule url(String path) {
        return of(path, Kind.URL, URL_MAX, null);
    }

    public static FieldRule slug(String path) {
        return of(path, Kind.SLUG, SLUG_MAX, null);
    }

    public static FieldRule oneOf(String path, Choices choices) {
        return of(path, Kind.ONE_OF, CODE_MAX, choices);
    }

    /** A list of distinct codes; {@link #atLeast} makes it required. */
    public static FieldRule listOf(String path, Choices choices) {
        return of(path, Kind.LIST_OF, 0, choices);
    }

    public static FieldRule bool(String path) {
        return of(path, Kind.BOOL, 0, null);
    }

    /** A required yes that must be true: false is answered with {@code refusal}. */
    public static FieldRule accept(String path, String refusal) {
        return new FieldRule(path, Kind.ACCEPT, true, 0, 0, null, null, null, refusal);
    }

    /** The field bots fill and people never see: read as a line, never checked by the pages. */
    public static FieldRule honeypot(String path) {
        return of(path, Kind.HONEYPOT, URL_MAX, null);
    }

    public FieldRule required() {
        return new FieldRule(path, kind, true, max, Math.max(min, kind == Kind.LIST_OF ? 1 : 0), choices, whenField, whenValue, refusal);
    }

    public FieldRule atLeast(int count) {
        return new FieldRule(path, kind, count > 0, max, count, choices, whenField, whenValue, refusal);
    }

    public FieldRule requiredWhen(String otherPath, String value) {
        return new FieldRule(path, kind, isRequired, max, min, choices, otherPath, value, refusal);
    }

    /** The same rule for the field of the same name in another object ("" for the top of a body). */
    public FieldRule under(String parentPath) {
        return new FieldRule(parentPath.isEmpty() ? name() : parentPath + "." + name(), kind, isRequired, max, min,
                choices, whenField, whenValue, refusal);
    }

    /** The name within its object: {@code zip} of {@code organization.address.zip}. */
    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The path of the object holding it: {@code organization.address}, or "" at the top. */
    public String parent() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
