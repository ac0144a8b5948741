package org.code.plp.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.code.plp.platform.Json;

/**
 * Proxy events for calling a handler directly, shaped like those API Gateway (and the local
 * gateway) build: {@code ApiEvents.post("/interest", json, "Idempotency-Key", "k-12345678")}.
 * A String body is sent as is, anything else as JSON; Content-Type is application/json unless given.
 */
public final class ApiEvents {
    private ApiEvents() {
    }

    public static APIGatewayProxyRequestEvent post(String path, Object body, String... headers) {
        return request("POST", path, body, headers);
    }

    public static APIGatewayProxyRequestEvent get(String path, String... headers) {
        return request("GET", path, null, headers);
    }

    public static APIGatewayProxyRequestEvent request(String method, String path, Object body, String... headers) {
        Map<String, String> headerMap = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            headerMap.put(headers[i], headers[i + 1]);
        }
        if (body != null && headerMap.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            headerMap.put("Content-Type", "application/json");
        }
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headerMap.forEach((name, value) -> multi.put(name, List.of(value)));
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withPath(path)
                .withResource(path)
                .withHeaders(headerMap)
                .withMultiValueHeaders(multi)
                .withBody(body == null ? null : body instanceof String text ? text : Json.write(body))
                .withIsBase64Encoded(false)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId(UUID.randomUUID().toString()).withStage("test").withHttpMethod(method)
                        .withResourcePath(path).withPath("/test" + path));
    }

    /** The response body as JSON. */
    public static JsonNode json(APIGatewayProxyResponseEvent response) {
        return Json.read(response.getBody());
    }

    /** The problem's {@code errors[].field} values. */
    public static List<String> errorFields(APIGatewayProxyResponseEvent response) {
        return json(response).path("errors").findValuesAsText("field");
    }
}
