package org.code.plp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    private static ApiRequest request(String contentType, String body) {
        return new ApiRequest(new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                .withHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType)).withBody(body));
    }

    @Test
    void readsAJsonObjectWithCharset() {
        assertEquals("b", JsonBody.read(request("application/json; charset=utf-8", "{\"a\":\"b\"}")).get("a").textValue());
    }

    @Test
    void decodesBase64Bodies() {
        var event = new APIGatewayProxyRequestEvent().withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).withIsBase64Encoded(true);
        assertEquals(1, JsonBody.read(new ApiRequest(event)).get("a").intValue());
    }

    @Test
    void refusesOtherContentTypes() {
        assertEquals(415, assertThrows(Problem.class, () -> JsonBody.read(request("text/plain", "{}"))).status());
        assertEquals(415, assertThrows(Problem.class, () -> JsonBody.read(request(null, "{}"))).status());
        assertEquals(415, assertThrows(Problem.class, () -> JsonBody.read(request("application/x-www-form-urlencoded", "a=b"))).status());
    }

    @Test
    void refusesBodiesOver64KiBCountingBytes() {
        String justFits = "{\"a\":\"" + "x".repeat(JsonBody.MAX_BYTES - 8) + "\"}";
        assertEquals(JsonBody.MAX_BYTES, justFits.length());
        JsonBody.read(request("application/json", justFits));
        String multiByte = "{\"a\":\"" + "é".repeat(JsonBody.MAX_BYTES / 2) + "\"}";
        assertEquals(413, assertThrows(Problem.class, () -> JsonBody.read(request("application/json", multiByte))).status());
    }

    @Test
    void refusesMalformedJsonDuplicateKeysAndNonObjects() {
        for (String body : new String[] {"{", "[]", "\"text\"", "", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}"}) {
            Problem problem = assertThrows(Problem.class, () -> JsonBody.read(request("application/json", body)), body);
            assertEquals(400, problem.status(), body);
        }
    }
}
