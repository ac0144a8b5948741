package org.code.plp.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A read-only view of an API Gateway proxy event: case-insensitive headers, params, body, staff. */
public final class ApiRequest {
    private final APIGatewayProxyRequestEvent event;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public ApiRequest(APIGatewayProxyRequestEvent event) {
        this.event = event;
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.put(name, value);
                }
            });
        }
    }

    public String method() {
        return event.getHttpMethod() == null ? "" : event.getHttpMethod().toUpperCase(Locale.ROOT);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(event.getPathParameters()).map(p -> p.get(name));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(event.getQueryStringParameters())
                .map(q -> q.get(name))
                .filter(v -> !v.isBlank());
    }

    /**
     * The body as text. API Gateway hands bodies of the API's binary media types over base64-encoded,
     * byte for byte: those must be UTF-8, else a 400 naming the body (never U+FFFD in their place).
     */
    public String body() {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            return Utf8.decode(body);
        }
        return body;
    }

    /** The staff member signed in through the Cognito authorizer, if any. */
    public Optional<StaffIdentity> staff() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null) {
            return Optional.empty();
        }
        Object claims = context.getAuthorizer().get("claims");
        if (!(claims instanceof Map<?, ?> map) || map.get("sub") == null) {
            return Optional.empty();
        }
        return Optional.of(new StaffIdentity(
                String.valueOf(map.get("sub")),
                map.get("email") == null ? null : String.valueOf(map.get("email")),
                groups(map.get("cognito:groups"))));
    }

    /** The staff member, who must be in {@code group} (admins count as reviewers): else 401 or 403. */
    public StaffIdentity requireGroup(String group) {
        StaffIdentity staff = staff().orElseThrow(Problem::unauthorized);
        if (!staff.isIn(group)) {
            throw Problem.forbidden(group);
        }
        return staff;
    }

    // REST API authorizers pass groups as "a,b"; HTTP APIs as "[a b]"; a list arrives as a List.
    private static Set<String> groups(Object raw) {
        Set<String> groups = new LinkedHashSet<>();
        if (raw instanceof Iterable<?> list) {
            list.forEach(g -> groups.add(String.valueOf(g)));
        } else if (raw != null) {
            String text = String.valueOf(raw).replace("[", "").replace("]", "");
            Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(groups::add);
        }
        return groups;
    }

    public APIGatewayProxyRequestEvent event() {
        return event;
    }
}
