package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON route of the template (each POST and PUT), over HTTP through the local gateway: a body
 * past any parser limit, over the size cap, or not UTF-8 is a 4xx problem naming the body, never a 5xx.
 */
class JsonRouteLimitsTest {
    private static final TestCloud CLOUD = TestCloud.shared();
    private final TestHttp http = CLOUD.http();

    record Limit(String name, int status, byte[] body) {
        static Limit of(String name, int status, String body) {
            return new Limit(name, status, body.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Limit> limits() {
        return List.of(
                Limit.of("nesting over 1,000 levels", 400, "{\"a\":" + "[".repeat(1_200) + "]".repeat(1_200) + "}"),
                Limit.of("nesting over 64 levels", 400, "{\"a\":" + "{\"b\":".repeat(80) + "1" + "}".repeat(80) + "}"),
                Limit.of("number over 1,000 digits", 400, "{\"a\":" + "7".repeat(1_500) + "}"),
                Limit.of("number over 100 digits", 400, "{\"a\":-0." + "3".repeat(150) + "e5}"),
                Limit.of("text over 32,000 characters", 400, "{\"a\":\"" + "x".repeat(40_000) + "\"}"),
                Limit.of("field name over 1,000 characters", 400, "{\"" + "n".repeat(2_000) + "\":true}"),
                Limit.of("document over 1 MiB", 413, "{\"a\":[" + ("\"" + "y".repeat(30_000) + "\",").repeat(40) + "1]}"),
                new Limit("bytes that are not UTF-8", 400, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}),
                new Limit("an encoded surrogate", 400, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xB2, (byte) 0x80, '"', '}'}));
    }

    static Stream<Arguments> routesAndLimits() {
        List<Arguments> out = new ArrayList<>();
        for (var route : CLOUD.template().apiRoutes()) {
            if (route.method().equalsIgnoreCase("post") || route.method().equalsIgnoreCase("put")) {
                for (Limit limit : limits()) {
                    out.add(Arguments.of(route.method().toUpperCase() + " " + route.path(), route, limit));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("routesAndLimits")
    void aBodyPastALimitIsAProblemNamingTheBody(String name, TemplateModel.ApiRoute route, Limit limit) {
        String path = route.path().replace("{regionId}", "new-orleans-la").replace("{id}", "no-such-application");
        var response = http.send(route.method().toUpperCase(), path, limit.body(),
                "Content-Type", "application/json", "Authorization", CLOUD.bearer("ada@code.org", "admins"));
        assertTrue(response.contentType().startsWith("application/problem+json"), response.toString());
        if (limit.status() == 413) {
            assertEquals(413, response.status(), response.toString());
        } else {
            assertEquals(400, response.status(), response.toString());
            assertEquals(List.of("body"), response.errorFields(), response.toString());
        }
    }
}
