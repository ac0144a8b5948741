package org.code.plp.applicant;

import org.code.plp.http.ApiRequest;

/** The private-link token a page sends as {@code Authorization: Bearer <token>} (never in a URL the API sees). */
final class Bearer {
    private Bearer() {
    }

    static String token(ApiRequest request) {
        String value = request.header("Authorization").orElse("").strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : null;
    }

    /** "METHOD /resource", from API Gateway's resource template or, in a hand-made event, the path. */
    static String route(ApiRequest request) {
        String resource = request.event().getResource();
        if (resource == null || resource.isBlank()) {
            resource = request.event().getPath() == null ? "" : request.event().getPath();
        }
        return request.method() + " " + resource;
    }

    static String clientIp(ApiRequest request) {
        var context = request.event().getRequestContext();
        return context == null || context.getIdentity() == null ? null : context.getIdentity().getSourceIp();
    }
}
