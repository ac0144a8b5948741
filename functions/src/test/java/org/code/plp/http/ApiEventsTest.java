package org.code.plp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.Test;

/** Lambda's entry reads API Gateway's proxy event and writes its answer without the runtime's serializer. */
class ApiEventsTest {
    private static final String EVENT = """
            {"resource":"/admin/applications/{id}","path":"/admin/applications/a-1","httpMethod":"post",
             "headers":{"Content-Type":"application/json","X-Empty":null},
             "multiValueHeaders":{"Content-Type":["application/json"]},
             "queryStringParameters":{"status":"submitted"},"pathParameters":{"id":"a-1"},
             "stageVariables":null,
             "requestContext":{"requestId":"r-1","identity":{"sourceIp":"203.0.113.9","userAgent":"curl/8"},"authorizer":{"claims":{"sub":"s-1","email":"ada@code.org",
               "cognito:groups":"reviewers,admins"},"principalId":"p","extra":[1,true,{"n":2.5}]}},
             "body":"eyJhIjoxfQ==","isBase64Encoded":true}
            """;

    private static ApiRequest read(String json) throws IOException {
        return new ApiRequest(ApiEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void readsWhatTheHandlersUse() throws IOException {
        ApiRequest request = read(EVENT);
        assertEquals("POST", request.method());
        assertEquals("application/json", request.header("content-type").orElseThrow());
        assertEquals("submitted", request.query("status").orElseThrow());
        assertEquals("a-1", request.pathParameter("id").orElseThrow());
        assertEquals("{\"a\":1}", request.body());
        StaffIdentity staff = request.staff().orElseThrow();
        assertEquals("s-1", staff.subject());
        assertTrue(staff.isIn("admins"));
        assertEquals("203.0.113.9", request.event().getRequestContext().getIdentity().getSourceIp(),
                "the per-address limits count by the caller's address");
    }

    @Test
    void readsAnEventWithoutOptionalParts() throws IOException {
        ApiRequest request = read("{\"httpMethod\":\"GET\",\"path\":\"/pins\",\"headers\":null,\"body\":null}");
        assertEquals("GET", request.method());
        assertTrue(request.query("status").isEmpty());
        assertTrue(request.staff().isEmpty());
        assertEquals("", request.body());
    }

    @Test
    void theEnvelopeTakesABodyFarBeyondTheFormLimits() throws IOException {
        String csv = "regionId,name\n" + "x".repeat(Json.LIMITS.getMaxStringLength() * 3);
        assertEquals(csv, read("{\"httpMethod\":\"POST\",\"body\":" + Json.write(csv) + "}").body());
    }

    @Test
    void primingEventsReadBackAsSent() throws IOException {
        var event = new com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withPath("/pins/x").withHeaders(Map.of("Accept", "application/json"))
                .withPathParameters(Map.of("regionId", "x"));
        ApiRequest request = new ApiRequest(ApiEvents.read(new ByteArrayInputStream(ApiEvents.bytes(event))));
        assertEquals("GET", request.method());
        assertEquals("x", request.pathParameter("regionId").orElseThrow());
        assertEquals("application/json", request.header("accept").orElseThrow());
    }

    @Test
    void writesTheAnswerApiGatewayReads() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/problem+json");
        headers.put("ETag", "\"e\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApiEvents.write(new APIGatewayProxyResponseEvent().withStatusCode(404).withHeaders(headers).withBody("{\"é\":1}"), out);
        JsonNode answer = Json.read(out.toString(StandardCharsets.UTF_8));
        assertEquals(404, answer.get("statusCode").intValue());
        assertEquals("\"e\"", answer.get("headers").get("ETag").textValue());
        assertEquals("{\"é\":1}", answer.get("body").textValue());
        assertFalse(answer.get("isBase64Encoded").booleanValue());
        assertEquals(List.of("statusCode", "headers", "body", "isBase64Encoded"), fieldNames(answer));
    }

    @Test
    void anAnswerWithoutBodyOrHeadersIsStillOne() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApiEvents.write(new APIGatewayProxyResponseEvent().withStatusCode(304), out);
        JsonNode answer = Json.read(out.toString(StandardCharsets.UTF_8));
        assertEquals(304, answer.get("statusCode").intValue());
        assertTrue(answer.get("headers").isEmpty());
        assertNull(answer.get("body").textValue());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
