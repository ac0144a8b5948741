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
        // Texts of at most 32,000 characters (the parser's limit), 64 KiB in all.
        String justFits = "{\"a\":[" + ("\"" + "x".repeat(16_000) + "\",").repeat(3)
                + "\"" + "x".repeat(JsonBody.MAX_BYTES - 48_019) + "\"]}";
        assertEquals(JsonBody.MAX_BYTES, justFits.length());
        JsonBody.read(request("application/json", justFits));
        String multiByte = "{\"a\":[" + ("\"" + "é".repeat(10_000) + "\",").repeat(3) + "\"" + "é".repeat(3_000) + "\"]}";
        assertEquals(413, assertThrows(Problem.class, () -> JsonBody.read(request("application/json", multiByte))).status());
    }

    @Test
    void parserLimitsAreA400NamingTheBody() {
        String[] overLimit = {
            "{\"a\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}",
            "{\"a\":" + "[".repeat(65) + "]".repeat(65) + "}",
            "{\"a\":" + "{\"b\":".repeat(70) + "1" + "}".repeat(70) + "}",
            "{\"a\":" + "9".repeat(1_001) + "}",
            "{\"a\":0." + "1".repeat(200) + "}",
            "{\"a\":\"" + "x".repeat(32_001) + "\"}",
            "{\"" + "k".repeat(1_001) + "\":1}",
        };
        for (String body : overLimit) {
            Problem problem = assertThrows(Problem.class, () -> JsonBody.read(request("application/json", body)));
            assertEquals(400, problem.status());
            assertEquals("body", problem.errors().getFirst().field());
        }
        JsonBody.read(request("application/json", "{\"a\":" + "[".repeat(60) + "]".repeat(60) + "}"));
    }

    @Test
    void base64BodiesMustBeUtf8() {
        byte[][] bad = {
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},
        };
        for (byte[] bytes : bad) {
            var event = new APIGatewayProxyRequestEvent().withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(Base64.getEncoder().encodeToString(bytes)).withIsBase64Encoded(true);
            Problem problem = assertThrows(Problem.class, () -> JsonBody.read(new ApiRequest(event)));
            assertEquals(400, problem.status());
            assertEquals("body", problem.errors().getFirst().field());
        }
        var notBase64 = new APIGatewayProxyRequestEvent().withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{not base64}").withIsBase64Encoded(true);
        assertEquals(400, assertThrows(Problem.class, () -> JsonBody.read(new ApiRequest(notBase64))).status());
    }

    @Test
    void refusesMalformedJsonDuplicateKeysAndNonObjects() {
        for (String body : new String[] {"{", "[]", "\"text\"", "", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}"}) {
            Problem problem = assertThrows(Problem.class, () -> JsonBody.read(request("application/json", body)), body);
            assertEquals(400, problem.status(), body);
        }
    }
}
