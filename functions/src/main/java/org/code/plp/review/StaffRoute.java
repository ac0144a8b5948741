package org.code.plp.review;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;

/**
 * Which staff route a request is for, as "METHOD /resource/{id}". API Gateway gives the resource
 * template; when an event has none (a hand-made event) it is worked out from the path.
 */
record StaffRoute(StaffIdentity staff, String key, String applicationId, String sub) {
    private static final Pattern APPLICATION = Pattern.compile("^/admin/applications/([^/]+)(/[a-z-]+)?(?:/([^/]+))?$");
    private static final Pattern REGION = Pattern.compile("^/admin/regions/([^/]+)(/[a-z-]+)$");

    /** A request every route of which needs the reviewers group (admins count): 401 or 403 before anything is read. */
    static StaffRoute ofReviewer(ApiRequest request) {
        return parse(request, request.requireGroup(StaffIdentity.REVIEWERS));
    }

    /** Which route, whoever asks (for the metric a route counts in). */
    static String key(ApiRequest request) {
        return parse(request, null).key();
    }

    private static StaffRoute parse(ApiRequest request, StaffIdentity staff) {
        String path = Optional.ofNullable(request.event().getPath()).orElse("");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String resource = request.event().getResource();
        String id = request.pathParameter("id").orElse(null);
        String sub = null;
        Matcher matcher = APPLICATION.matcher(path);
        if (matcher.matches() && !path.equals("/admin/applications.csv")) {
            id = id == null ? matcher.group(1) : id;
            sub = matcher.group(3);
            if (resource == null || resource.isBlank()) {
                resource = "/admin/applications/{id}" + (matcher.group(2) == null ? "" : matcher.group(2))
                        + (sub == null ? "" : "/{email}");
            }
        }
        Matcher region = REGION.matcher(path);
        if (region.matches()) {
            id = id == null ? region.group(1) : id;
            if (resource == null || resource.isBlank()) {
                resource = "/admin/regions/{id}" + region.group(2);
            }
        }
        if (resource == null || resource.isBlank()) {
            resource = path;
        }
        return new StaffRoute(staff, request.method() + " " + resource, id, sub);
    }

    String id() {
        if (applicationId == null || applicationId.isBlank() || applicationId.length() > 64) {
            throw Problem.notFound("There is no such application.");
        }
        return applicationId;
    }

    /** The path segment after the sub-resource (a reviewer's email), when the event names none; 400 naming it if badly encoded. */
    Optional<String> subId() {
        try {
            return Optional.ofNullable(sub).map(s -> java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            throw Problem.field(400, "validation", "Invalid request", "email", "Malformed percent-encoding in the address.");
        }
    }

    static Problem unknown(StaffRoute route) {
        return Problem.notFound("No route " + route.key() + ".");
    }
}
