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
 * claimed by one sender at a time (pending and due -> sending, with a lease), and only the holder of
 * the lease can mark it sent, failed, or hand it back for a later retry (sending -> pending).
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

    /**
     * Takes the item for {@code leaseMillis}: a pending item that is due at {@code now} (items written
     * before {@code dueAt} existed count as due), or a sending one whose lease ended. The claim moves
     * {@code dueAt} to the lease's end, so an item whose sender dies comes due for the sweeper again.
     */
    public Claim claim(String outboxId, String leaseId, Instant now, long leaseMillis) {
        Instant until = now.plusMillis(leaseMillis);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", s(OutboxItem.PENDING));
        values.put(":sending", s(OutboxItem.SENDING));
        values.put(":lease", s(leaseId));
        values.put(":until", n(until.toEpochMilli()));
        values.put(":untilAt", s(Timestamps.format(until)));
        values.put(":now", n(now.toEpochMilli()));
        values.put(":nowAt", s(Timestamps.format(now)));
        values.put(":one", n(1));
        values.put(":zero", n(0));
        try {
            var response = dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(outboxId))
                    .updateExpression("SET #s = :sending, leaseId = :lease, leaseUntil = :until, dueAt = :untilAt, "
                            + "attempts = if_not_exists(attempts, :zero) + :one")
                    .conditionExpression("attribute_exists(outboxId) AND "
                            + "((#s = :pending AND (attribute_not_exists(dueAt) OR dueAt <= :nowAt)) "
                            + "OR (#s = :sending AND leaseUntil < :now))")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            return new Claim.Claimed(OutboxItem.SCHEMA.mapToItem(response.attributes()));
        } catch (ConditionalCheckFailedException taken) {
            return new Claim.NotClaimed(find(outboxId).map(OutboxLeases::why).orElse("missing"));
        }
    }

    private static String why(OutboxItem item) {
        return OutboxItem.PENDING.equals(item.getState()) ? "pending, due at " + item.getDueAt() : item.getState();
    }

    /** Records SES's message id; false when the lease was lost meanwhile (the send still happened). */
    public boolean markSent(String outboxId, String leaseId, String messageId, Instant now) {
        return finish(outboxId, leaseId, "SET #s = :sent, sentAt = :at, messageId = :mid REMOVE leaseId, leaseUntil, lastError",
                Map.of(":sent", s(OutboxItem.SENT), ":at", s(Timestamps.format(now)), ":mid", s(messageId)));
    }

    public boolean markFailed(String outboxId, String leaseId, String reason, Instant now) {
        return finish(outboxId, leaseId, "SET #s = :failed, failedAt = :at, failureReason = :why REMOVE leaseId, leaseUntil",
                Map.of(":failed", s(OutboxItem.FAILED), ":at", s(Timestamps.format(now)), ":why", s(reason)));
    }

    /** Hands the item back, due again at {@code retryAt} (the backoff), with the reason it failed. */
    public boolean release(String outboxId, String leaseId, Instant retryAt, String reason) {
        return finish(outboxId, leaseId, "SET #s = :pending, dueAt = :due, lastError = :why REMOVE leaseId, leaseUntil",
                Map.of(":pending", s(OutboxItem.PENDING), ":due", s(Timestamps.format(retryAt)), ":why", s(reason)));
    }

    /**
     * Ids of emails to send now, oldest due first: pending ones due by {@code now}, then sending ones
     * whose lease ended by then (their {@code dueAt} is the lease's end). Queries on the byDue index.
     */
    public List<String> findDue(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        collect(OutboxItem.PENDING, now, limit, ids);
        if (ids.size() < limit) {
            collect(OutboxItem.SENDING, now, limit, ids);
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

    private void collect(String state, Instant dueBy, int limit, List<String> ids) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(OutboxItem.BY_DUE)
                .keyConditionExpression("#s = :state AND dueAt <= :due")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":state", s(state), ":due", s(Timestamps.format(dueBy))));
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(start).limit(limit - ids.size()).build());
            for (var item : page.items()) {
                ids.add(item.get("outboxId").s());
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
