package org.code.plp.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.code.plp.applications.SubmitApplicationHandler;
import org.code.plp.local.ApiEvents;
import org.code.plp.local.LocalLambdaContext;
import org.code.plp.local.TestCloud;
import org.code.plp.pins.GetPinHandler;
import org.junit.jupiter.api.Test;

/**
 * What a function writes while it answers: every line is JSON with a level; one "request" line per
 * request with the declared route, status, latency and request id, and none of the request's data.
 */
class RequestLogTest {
    private final TestCloud cloud = TestCloud.shared();

    @Test
    void oneRequestLinePerRequestWithNoPersonalData() {
        var handler = new SubmitApplicationHandler(cloud.platform("SubmitApplicationFunction"));
        String email = "private.person@example.org";
        List<JsonNode> lines = captured(() -> handler.handleRequest(ApiEvents.post("/applications",
                Map.of("programManager", Map.of("email", email), "organization", Map.of("phone", "555-0100"))),
                new LocalLambdaContext("SubmitApplicationFunction", "req-123")));
        List<JsonNode> requests = lines.stream().filter(l -> l.path("event").asText().equals("request")).toList();
        assertEquals(1, requests.size(), lines::toString);
        JsonNode request = requests.getFirst();
        assertEquals("INFO", request.get("level").asText());
        assertEquals("POST /applications", request.get("route").asText());
        assertEquals(400, request.get("status").asInt());
        assertEquals("req-123", request.get("requestId").asText());
        assertTrue(request.get("latencyMs").isNumber());
        assertFalse(lines.toString().contains(email), "a log line carries the submitter's email");
        assertFalse(lines.toString().contains("555-0100"), "a log line carries the submitter's phone");
    }

    @Test
    void theRouteIsTheDeclaredResourceNotThePathWithItsIds() {
        var handler = new GetPinHandler(cloud.platform("GetPinFunction"));
        var event = ApiEvents.get("/pins/new-orleans-la").withResource("/pins/{regionId}")
                .withPathParameters(Map.of("regionId", "new-orleans-la"));
        List<JsonNode> lines = captured(() -> handler.handleRequest(event, new LocalLambdaContext("GetPinFunction", "req-9")));
        JsonNode request = lines.stream().filter(l -> l.path("event").asText().equals("request")).findFirst().orElseThrow();
        assertEquals("GET /pins/{regionId}", request.get("route").asText());
        assertEquals(200, request.get("status").asInt());
    }

    /** The JSON lines printed to standard output while {@code action} runs; each must carry a level. */
    private static List<JsonNode> captured(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        synchronized (System.class) {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            try {
                action.run();
            } finally {
                System.setOut(original);
            }
        }
        // Only JSON lines: the shared local cloud's own threads (stream poller, DynamoDB Local) print too.
        return buffer.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("{")).map(line -> {
            JsonNode json = Json.read(line);
            assertTrue(json.hasNonNull("level"), "a line without a level: " + line);
            return json;
        }).toList();
    }
}
