package org.code.plp.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.code.plp.applications.DuplicateKeys;
import org.code.plp.counters.Counters;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Retention;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What follows an application or interest form that DynamoDB TTL deleted: the counters it was counted in
 * go one down (status in all and in its region, its possible-duplicate keys; an interest form's state and
 * city), and an application's log partition (status log, notes, score sheets, assignments) and its emails
 * by key go with it. The counters change in one transaction with a marker item ({@value #MARKER_SCOPE}), so a
 * stream record delivered twice counts once; the deletes are idempotent by nature.
 */
public final class Expiry {
    public static final String MARKER_SCOPE = "expired";
    /** Stream records live 24 hours; a marker outlives any redelivery of the record it marks. */
    private static final Duration MARKER_LIFETIME = Duration.ofDays(3);

    /** What one expiry did. */
    public enum Outcome { COUNTED, ALREADY_COUNTED }

    private final DynamoDbClient dynamo;
    private final String counters;
    private final String log;
    private final String outbox;
    private final Clock clock;

    public Expiry(Platform platform) {
        this.dynamo = platform.dynamo();
        this.counters = platform.table("COUNTERS_TABLE");
        this.log = platform.table("APPLICATION_LOG_TABLE");
        this.outbox = platform.table("OUTBOX_TABLE");
        this.clock = platform.clock();
    }

    /** An application's last image, as the stream's REMOVE record carries it. */
    public Outcome application(Map<String, AttributeValue> old) {
        String id = old.get("id").s();
        WriteTransaction transaction = marked("application#" + id);
        String status = s(old, "status");
        if (status != null) {
            transaction.count(counters, Counters.APPLICATIONS_ALL, status, -1, Map.of());
            String regionKey = s(old, "regionKey");
            if (regionKey != null) {
                transaction.count(counters, Counters.applicationsInRegion(regionKey), status, -1, Map.of());
            }
        }
        // An erased application has no duplicate keys left: erasure already counted it out of those.
        if (s(old, "emailKey") != null) {
            transaction.count(counters, DuplicateKeys.EMAIL_SCOPE, s(old, "emailKey"), -1, Map.of());
        }
        if (s(old, "orgKey") != null) {
            transaction.count(counters, DuplicateKeys.ORG_SCOPE, s(old, "orgKey"), -1, Map.of());
        }
        Outcome outcome = commit(transaction);
        deleteLog(id);
        long version = old.containsKey("version") ? Long.parseLong(old.get("version").n()) : 1;
        delete(outbox, OutboxItem.possibleIds(id, version).stream().map(key -> Map.of("outboxId", AttributeValue.fromS(key))).toList());
        return outcome;
    }

    /** An interest form's last image. Its emails expire on their own (a year), long before it by default. */
    public Outcome interestForm(Map<String, AttributeValue> old) {
        WriteTransaction transaction = marked("interest#" + old.get("id").s());
        String state = s(old, "state");
        if (state != null) {
            transaction.count(counters, Counters.INTEREST_BY_STATE, state, -1, Map.of());
            String city = s(old, "city");
            String cityKey = city != null ? Counters.interestCityKey(state, city) : s(old, "cityKey");
            if (cityKey != null) {
                transaction.count(counters, Counters.INTEREST_BY_CITY, cityKey, -1, Map.of());
            }
        }
        return commit(transaction);
    }

    private WriteTransaction marked(String key) {
        long until = clock.instant().plus(MARKER_LIFETIME).getEpochSecond();
        WriteTransaction transaction = new WriteTransaction(dynamo);
        transaction.put("expiry marker", counters, Map.of("scope", AttributeValue.fromS(MARKER_SCOPE), "key", AttributeValue.fromS(key),
                Retention.TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(until))), "attribute_not_exists(#k)", Map.of("#k", "key"), Map.of());
        return transaction;
    }

    private static Outcome commit(WriteTransaction transaction) {
        try {
            transaction.commit();
            return Outcome.COUNTED;
        } catch (WriteTransaction.ConditionFailed failed) {
            if ("expiry marker".equals(failed.label())) {
                return Outcome.ALREADY_COUNTED;
            }
            throw failed;
        }
    }

    private void deleteLog(String applicationId) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(log).consistentRead(true)
                    .keyConditionExpression("applicationId = :id")
                    .projectionExpression("applicationId, entryId")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(applicationId)));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            delete(log, page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private void delete(String table, List<Map<String, AttributeValue>> keys) {
        for (int i = 0; i < keys.size(); i += 25) {
            List<WriteRequest> deletes = new ArrayList<>();
            keys.subList(i, Math.min(keys.size(), i + 25)).forEach(key ->
                    deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build()));
            Map<String, List<WriteRequest>> batch = Map.of(table, deletes);
            while (!batch.isEmpty()) {
                BatchWriteItemResponse response = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(batch).build());
                batch = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
