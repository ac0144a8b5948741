package org.code.plp.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The sending side of the outbox: every state change is a conditional update, so an email is
 * claimed by one sender at a time (pending -> sending, with a lease), and only the holder of the
 * lease can mark it sent, failed, or hand it back (sending -> pending).
 */
public class OutboxLeases {
    private final DynamoDbClient dynamo;
    private final String table;

    public OutboxLeases(Platform platform) {
        this.dynamo = platform.dynamo();
        this.table = platform.table("OUTBOX_TABLE");
    }

    public sealed interface Claim {
        /** This sender holds the item until its lease ends. */
        record Claimed(OutboxItem item) implements Claim {
        }

        /** Nothing to do: already sent or failed, held by a live lease, or gone. */
        record NotClaimed(String why) implements Claim {
        }
    }

    public Claim claim(String outboxId, String leaseId, Instant now, long leaseMillis) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", s(OutboxItem.PENDING));
        values.put(":sending", s(OutboxItem.SENDING));
        values.put(":lease", s(leaseId));
        values.put(":until", n(now.toEpochMilli() + leaseMillis));
        values.put(":now", n(now.toEpochMilli()));
        values.put(":one", n(1));
        values.put(":zero", n(0));
        try {
            var response = dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(outboxId))
                    .updateExpression("SET #s = :sending, leaseId = :lease, leaseUntil = :until, "
                            + "attempts = if_not_exists(attempts, :zero) + :one")
                    .conditionExpression("attribute_exists(outboxId) AND "
                            + "(#s = :pending OR (#s = :sending AND leaseUntil < :now))")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            return new Claim.Claimed(OutboxItem.SCHEMA.mapToItem(response.attributes()));
        } catch (ConditionalCheckFailedException taken) {
            return new Claim.NotClaimed(find(outboxId).map(item -> item.getState()).orElse("missing"));
        }
    }

    /** Records SES's message id; false when the lease was lost meanwhile (the send still happened). */
    public boolean markSent(String outboxId, String leaseId, String messageId, Instant now) {
        return finish(outboxId, leaseId, "SET #s = :sent, sentAt = :at, messageId = :mid REMOVE leaseId, leaseUntil",
                Map.of(":sent", s(OutboxItem.SENT), ":at", s(Timestamps.format(now)), ":mid", s(messageId)));
    }

    public boolean markFailed(String outboxId, String leaseId, String reason, Instant now) {
        return finish(outboxId, leaseId, "SET #s = :failed, failedAt = :at, failureReason = :why REMOVE leaseId, leaseUntil",
                Map.of(":failed", s(OutboxItem.FAILED), ":at", s(Timestamps.format(now)), ":why", s(reason)));
    }

    /** Hands the item back so a retry can claim it at once instead of waiting for the lease to end. */
    public boolean release(String outboxId, String leaseId) {
        return finish(outboxId, leaseId, "SET #s = :pending REMOVE leaseId, leaseUntil", Map.of(":pending", s(OutboxItem.PENDING)));
    }

    /**
     * Ids of emails the stream gave up on or whose sender died: pending, or sending with an ended
     * lease, and created before {@code createdBefore}. A Query on the byState index, oldest first.
     */
    public List<String> findStale(Instant createdBefore, Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        collect(OutboxItem.PENDING, createdBefore, null, limit, ids);
        if (ids.size() < limit) {
            collect(OutboxItem.SENDING, createdBefore, now, limit, ids);
        }
        return ids;
    }

    /**
     * Records what SES heard back after sending (a bounce or a complaint) on the item; false when
     * there is no such item (expired, or the mail was not ours).
     */
    public boolean recordFeedback(String outboxId, String feedback, Instant at) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(outboxId))
                    .updateExpression("SET feedback = :feedback, feedbackAt = :at")
                    .conditionExpression("attribute_exists(outboxId)")
                    .expressionAttributeValues(Map.of(":feedback", s(feedback), ":at", s(Timestamps.format(at))))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException missing) {
            return false;
        }
    }

    public Optional<OutboxItem> find(String outboxId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(outboxId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OutboxItem.SCHEMA.mapToItem(item));
    }

    private void collect(String state, Instant createdBefore, Instant leaseEndedBy, int limit, List<String> ids) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":state", s(state));
        values.put(":before", s(Timestamps.format(createdBefore)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(OutboxItem.BY_STATE)
                .keyConditionExpression("#s = :state AND createdAt < :before")
                .expressionAttributeNames(Map.of("#s", "state"));
        if (leaseEndedBy != null) {
            values.put(":now", n(leaseEndedBy.toEpochMilli()));
            query.filterExpression("leaseUntil < :now");
        }
        query.expressionAttributeValues(values);
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(start).limit(limit).build());
            for (var item : page.items()) {
                if (ids.size() < limit) {
                    ids.add(item.get("outboxId").s());
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && ids.size() < limit);
    }

    private boolean finish(String outboxId, String leaseId, String update, Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":lease", s(leaseId));
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(outboxId))
                    .updateExpression(update)
                    .conditionExpression("leaseId = :lease")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String outboxId) {
        return Map.of("outboxId", s(outboxId));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
