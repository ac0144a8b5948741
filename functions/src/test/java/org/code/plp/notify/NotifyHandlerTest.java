package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How stream records map to deliveries and batch item failures (the sending itself is tested on DynamoDB Local). */
class NotifyHandlerTest {
    private final List<String> delivered = new ArrayList<>();
    private final Map<String, Notifier.Outcome> outcomes = Map.of(
            "a#confirmation", Notifier.Outcome.SENT, "b#confirmation", Notifier.Outcome.RETRY,
            "c#confirmation", Notifier.Outcome.FAILED, "d#confirmation", Notifier.Outcome.SKIPPED);

    private final Notifier notifier = new Notifier(null, null, null, null, 0, null, null) {
        @Override
        public Outcome deliver(String outboxId) {
            delivered.add(outboxId);
            if (outboxId.startsWith("boom")) {
                throw new IllegalStateException("DynamoDB throttled");
            }
            return outcomes.get(outboxId);
        }
    };

    private static DynamodbEvent.DynamodbStreamRecord record(String name, String outboxId, String sequence) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(name);
        record.setDynamodb(new StreamRecord().withKeys(Map.of("outboxId", new AttributeValue().withS(outboxId)))
                .withSequenceNumber(sequence));
        return record;
    }

    @Test
    void reportsOnlyRecordsThatCouldNotBeProcessedAndIgnoresOwnUpdates() {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record("INSERT", "a#confirmation", "100"), record("MODIFY", "a#confirmation", "101"),
                record("INSERT", "b#confirmation", "102"), record("INSERT", "c#confirmation", "103"),
                record("INSERT", "boom#x", "104"), record("INSERT", "d#confirmation", "105"),
                record("REMOVE", "z#confirmation", "106")));
        StreamsEventResponse response = new NotifyHandler(notifier).handleRequest(event, null);
        assertEquals(List.of("a#confirmation", "b#confirmation", "c#confirmation", "boom#x", "d#confirmation"), delivered);
        // b's SES failure was handed back with its backoff (the sweeper retries it): only the throw is re-delivered.
        assertEquals(List.of("104"), response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
    }

    @Test
    void anEmptyEventHasNoFailures() {
        assertEquals(List.of(), new NotifyHandler(notifier).handleRequest(new DynamodbEvent(), null).getBatchItemFailures());
    }
}
