package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.code.plp.http.ApiHandler;
import org.code.plp.notify.NotifyHandler;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lambda calls the (InputStream, OutputStream, Context) overload of each handler (the runtime prefers it); the
 * local cloud and the other tests call the event-object one. Both must answer alike: every API function's sample
 * event, made harmless (a write route gets an empty body, which it rejects before writing), answers the same
 * status, headers and body through both.
 */
class LambdaEntryTest {
    private final TestCloud cloud = TestCloud.shared();

    static Stream<String> apiFunctions() {
        TestCloud cloud = TestCloud.shared();
        return cloud.template().functions().stream()
                .filter(f -> handlerType(f).getSuperclass() == ApiHandler.class)
                .map(TemplateModel.Function::logicalId);
    }

    private static Class<?> handlerType(TemplateModel.Function function) {
        try {
            return Class.forName(function.handlerClass());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("apiFunctions")
    void apiFunctionsAnswerAlikeThroughBothEntries(String functionId) throws Exception {
        ObjectNode event = (ObjectNode) Json.read(Files.readString(ProjectPaths.root()
                .resolve("events/" + functionId.replaceFirst("Function$", "") + ".json")));
        if (!"GET".equals(event.path("httpMethod").asText())) {
            event.put("body", "{}");
            event.put("isBase64Encoded", false);
        }
        ApiHandler handler = (ApiHandler) handlerType(cloud.template().function(functionId))
                .getConstructor(Platform.class).newInstance(cloud.platform(functionId));

        APIGatewayProxyResponseEvent viaObject = handler.handleRequest(Json.MAPPER.readerFor(APIGatewayProxyRequestEvent.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(event), null);
        JsonNode viaStream = stream(handler, Json.write(event));

        assertEquals(viaObject.getStatusCode(), viaStream.get("statusCode").intValue(), functionId);
        assertEquals(Json.MAPPER.valueToTree(viaObject.getHeaders()), viaStream.get("headers"), functionId);
        assertEquals(viaObject.getBody(), viaStream.get("body").textValue(), functionId);
    }

    @Test
    void notifyReportsTheSameRecordsToRetryThroughBothEntries() throws Exception {
        NotifyHandler handler = new NotifyHandler(cloud.platform("NotifyFunction"));
        // A MODIFY is the function's own bookkeeping (skipped); an INSERT without its key cannot be sent (retried).
        String batch = """
                {"Records":[
                  {"eventName":"MODIFY","dynamodb":{"Keys":{"outboxId":{"S":"entry-test#modify"}},"SequenceNumber":"100"}},
                  {"eventName":"INSERT","dynamodb":{"Keys":{},"SequenceNumber":"200"}}]}
                """;
        JsonNode viaStream = stream(handler, batch);

        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record("MODIFY", Map.of("outboxId", new AttributeValue().withS("entry-test#modify")), "100"),
                record("INSERT", Map.of(), "200")));
        var viaObject = handler.handleRequest(event, null);

        assertEquals(Json.read("{\"batchItemFailures\":[{\"itemIdentifier\":\"200\"}]}"), viaStream);
        assertEquals(List.of("200"), viaObject.getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList());
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String eventName, Map<String, AttributeValue> keys, String sequence) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(new StreamRecord().withKeys(keys).withSequenceNumber(sequence));
        return record;
    }

    private static JsonNode stream(RequestStreamHandler handler, String input) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, null);
        return Json.read(output.toString(StandardCharsets.UTF_8));
    }
}
