package org.code.plp.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.platform.Json;

/**
 * API Gateway proxy events as Lambda hands them over, read and written with the one ObjectMapper's tree
 * model: no bean binding, and the runtime's own event serializer (its shaded Jackson, ~400 ms of a cold
 * start on one CPU) never loads. Reads the fields {@link ApiRequest} uses; writes what API Gateway reads.
 */
final class ApiEvents {
    /**
     * The envelope is Lambda's, not the client's: its body is one string up to Lambda's 6 MB payload, far past the
     * form limits of {@link org.code.plp.platform.Json#LIMITS}, which {@link JsonBody} applies to the body itself.
     */
    private static final JsonFactory ENVELOPE = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(16_000_000).build())
            .build();

    private ApiEvents() {
    }

    static APIGatewayProxyRequestEvent read(InputStream input) throws IOException {
        JsonNode event = Json.MAPPER.readTree(ENVELOPE.createParser(input));
        JsonNode requestContext = event.path("requestContext");
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId(text(requestContext, "requestId"));
        String sourceIp = text(requestContext.path("identity"), "sourceIp");
        if (sourceIp != null) {
            // The caller's address: the per-address limits of the public routes count by it.
            context.setIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp(sourceIp));
        }
        if (requestContext.path("authorizer").isObject()) {
            context.setAuthorizer(objects(requestContext.get("authorizer")));
        }
        return new APIGatewayProxyRequestEvent()
                .withResource(text(event, "resource"))
                .withPath(text(event, "path"))
                .withHttpMethod(text(event, "httpMethod"))
                .withHeaders(strings(event.get("headers")))
                .withQueryStringParameters(strings(event.get("queryStringParameters")))
                .withPathParameters(strings(event.get("pathParameters")))
                .withBody(text(event, "body"))
                .withIsBase64Encoded(event.path("isBase64Encoded").asBoolean(false))
                .withRequestContext(context);
    }

    /** An event as API Gateway would send it (what {@link #read} reads back): priming runs it through Lambda's entry. */
    static byte[] bytes(APIGatewayProxyRequestEvent event) throws IOException {
        ObjectNode json = Json.object();
        json.put("resource", event.getResource());
        json.put("path", event.getPath());
        json.put("httpMethod", event.getHttpMethod());
        json.set("headers", Json.MAPPER.valueToTree(event.getHeaders()));
        json.set("queryStringParameters", Json.MAPPER.valueToTree(event.getQueryStringParameters()));
        json.set("pathParameters", Json.MAPPER.valueToTree(event.getPathParameters()));
        json.put("body", event.getBody());
        json.put("isBase64Encoded", Boolean.TRUE.equals(event.getIsBase64Encoded()));
        return Json.MAPPER.writeValueAsBytes(json);
    }

    static void write(APIGatewayProxyResponseEvent response, OutputStream output) throws IOException {
        ObjectNode answer = Json.object();
        answer.put("statusCode", response.getStatusCode());
        ObjectNode headers = answer.putObject("headers");
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(headers::put);
        }
        answer.put("body", response.getBody());
        answer.put("isBase64Encoded", Boolean.TRUE.equals(response.getIsBase64Encoded()));
        Json.MAPPER.writeValue(output, answer);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> strings(JsonNode object) {
        if (object == null || !object.isObject()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(field -> values.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText()));
        return values;
    }

    /** An object as the runtime's serializer reads a Map<String, Object>: nested maps, lists, strings, numbers, booleans. */
    private static Map<String, Object> objects(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        object.properties().forEach(field -> values.put(field.getKey(), plain(field.getValue())));
        return values;
    }

    private static Object plain(JsonNode value) {
        if (value.isObject()) {
            return objects(value);
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isNull() ? null : value.asText();
    }
}
