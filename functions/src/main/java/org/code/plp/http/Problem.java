package org.code.plp.http;

import java.util.List;

/**
 * An RFC 9457 problem: thrown anywhere below a handler, answered as application/problem+json.
 * Never carries a stack trace or internal detail to the client.
 */
public final class Problem extends RuntimeException {
    private static final String TYPE_BASE = "https://partners.code.org/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public Problem(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = slug == null ? "about:blank" : TYPE_BASE + slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields need attention.";
        return new Problem(400, "validation", "Invalid request", detail, errors);
    }

    public static Problem field(int status, String slug, String title, String field, String message) {
        return new Problem(status, slug, title, message, List.of(new FieldError(field, message)));
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail, List.of());
    }

    public static Problem conflict(String slug, String detail) {
        return new Problem(409, slug, "Conflict", detail, List.of());
    }

    public static Problem unauthorized() {
        return new Problem(401, "unauthorized", "Unauthorized", "Sign in as Code.org staff.", List.of());
    }

    public static Problem forbidden(String group) {
        return new Problem(403, "forbidden", "Forbidden", "This needs the '" + group + "' group.", List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
