package org.code.plp.local.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.code.plp.local.TemplateModel;
import org.code.plp.local.TestCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The local event source mapping on a DynamoDB Local stream, with a recording function. */
class StreamPollerTest {
    private final TestCloud cloud = TestCloud.shared();
    private final DynamoDbClient dynamo = cloud.dynamo();
    private final List<DynamodbEvent> deliveries = new CopyOnWriteArrayList<>();
    private StreamPoller poller;

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.stop();
        }
    }

    private String table() {
        String name = TestCloud.uniqueId("poller");
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("k").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("k").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        return name;
    }

    private void put(String table, String key) {
        dynamo.putItem(r -> r.tableName(table).item(Map.of("k", AttributeValue.fromS(key), "n", AttributeValue.fromN("1"),
                "tags", AttributeValue.fromSs(List.of("a", "b")), "m", AttributeValue.fromM(Map.of("x", AttributeValue.fromBool(true))))));
    }

    private void start(String table, int maxRetries, Predicate<String> failOnce) {
        Map<String, Object> properties = Map.of("BatchSize", 10, "StartingPosition", "TRIM_HORIZON",
                "MaximumRetryAttempts", maxRetries, "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "FilterCriteria", Map.of("Filters", List.of(Map.of("Pattern", "{\"eventName\": [\"INSERT\"]}"))));
        var mapping = new TemplateModel.StreamEvent("RecorderFunction", "Stream", "RecorderTable", properties);
        poller = new StreamPoller(dynamo, cloud.dynamoStreams(), table, mapping, event -> {
            deliveries.add(event);
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                if (failOnce.test(key(record))) {
                    return new StreamsEventResponse(List.of(
                            new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
                }
            }
            return new StreamsEventResponse(List.of());
        });
        poller.start();
    }

    private static String key(DynamodbEvent.DynamodbStreamRecord record) {
        return record.getDynamodb().getKeys().get("k").getS();
    }

    private List<List<String>> batches() {
        return deliveries.stream().map(e -> e.getRecords().stream().map(StreamPollerTest::key).toList()).toList();
    }

    private long timesDelivered(String key) {
        return batches().stream().flatMap(List::stream).filter(key::equals).count();
    }

    @Test
    void redeliversFromTheFailedRecordAndConvertsRecordsLikeLambda() {
        String table = table();
        put(table, "k1");
        put(table, "k2");
        put(table, "k3");
        dynamo.updateItem(r -> r.tableName(table).key(Map.of("k", AttributeValue.fromS("k1")))
                .updateExpression("SET n = :two").expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"))));
        boolean[] failed = {false};
        start(table, 5, key -> {
            if (key.equals("k2") && !failed[0]) {
                failed[0] = true;
                return true;
            }
            return false;
        });

        TestCloud.awaitTrue("k3 delivered after k2's retry", () -> timesDelivered("k2") == 2 && batches().getLast().contains("k3"));
        put(table, "k4");
        TestCloud.awaitTrue("k4 delivered", () -> timesDelivered("k4") == 1);

        assertEquals(1, timesDelivered("k1"), "records before the failed one are done and the MODIFY of k1 is filtered out: " + batches());
        List<List<String>> batches = batches();
        int retry = batches.indexOf(batches.stream().filter(b -> b.contains("k2")).skip(1).findFirst().orElseThrow());
        assertEquals("k2", batches.get(retry).getFirst(), "re-delivery starts at the failed record: " + batches);

        DynamodbEvent.DynamodbStreamRecord record = deliveries.getFirst().getRecords().getFirst();
        assertEquals("INSERT", record.getEventName());
        assertEquals("aws:dynamodb", record.getEventSource());
        assertNotNull(record.getEventSourceARN());
        assertNotNull(record.getDynamodb().getSequenceNumber());
        assertEquals("NEW_AND_OLD_IMAGES", record.getDynamodb().getStreamViewType());
        assertEquals("1", record.getDynamodb().getNewImage().get("n").getN());
        assertEquals(List.of("a", "b"), record.getDynamodb().getNewImage().get("tags").getSS());
        assertEquals(true, record.getDynamodb().getNewImage().get("m").getM().get("x").getBOOL());
    }

    @Test
    void givesUpAfterMaximumRetryAttemptsAndMovesOn() {
        String table = table();
        put(table, "poison");
        start(table, 2, "poison"::equals);
        TestCloud.awaitTrue("the poison record to be tried 1 + 2 times", () -> timesDelivered("poison") == 3);
        put(table, "next");
        TestCloud.awaitTrue("the next record", () -> timesDelivered("next") == 1);
        assertEquals(3, timesDelivered("poison"));
    }
}
