package org.code.plp.counters;

import java.util.HashMap;
import java.util.Map;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Counts kept beside the data, changed in the same transaction as the write they count,
 * so a count costs one Query of a small partition instead of a Scan of the data.
 */
public class Counters {
    public static final String APPLICATIONS_ALL = "applications#all";
    public static final String INTEREST_BY_STATE = "interest#state";
    public static final String INTEREST_BY_CITY = "interest#city";

    private final Platform platform;
    private final String table;

    public Counters(Platform platform) {
        this.platform = platform;
        this.table = platform.table("COUNTERS_TABLE");
    }

    public static String applicationsInRegion(String regionKey) {
        return "applications#region#" + regionKey;
    }

    /** The key of a city's interest counter (scope {@link #INTEREST_BY_CITY}): state and city without case. */
    public static String interestCityKey(String state, String city) {
        return state + "#" + city.toLowerCase(java.util.Locale.ROOT);
    }

    public void add(WriteTransaction transaction, String scope, String key, long delta) {
        transaction.count(table, scope, key, delta, Map.of());
    }

    public void add(WriteTransaction transaction, String scope, String key, long delta, Map<String, String> labels) {
        transaction.count(table, scope, key, delta, labels);
    }

    /** Every counter of a scope: key to count. */
    public Map<String, Long> read(String scope) {
        return readWithLabels(scope).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().count()));
    }

    /** Every counter of a scope with the labels stored beside it (e.g. a city's display name). */
    public Map<String, Counted> readWithLabels(String scope) {
        Map<String, Counted> counts = new java.util.LinkedHashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            var request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#s = :s")
                    .expressionAttributeNames(Map.of("#s", "scope"))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(scope)))
                    .exclusiveStartKey(start)
                    .build();
            var response = platform.dynamo().query(request);
            for (Map<String, AttributeValue> item : response.items()) {
                Map<String, String> labels = new HashMap<>();
                item.forEach((name, value) -> {
                    if (value.s() != null && !name.equals("scope") && !name.equals("key")) {
                        labels.put(name, value.s());
                    }
                });
                long n = item.containsKey("n") ? Long.parseLong(item.get("n").n()) : 0;
                counts.put(item.get("key").s(), new Counted(n, labels));
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return counts;
    }

    /** A counter's address. */
    public record Key(String scope, String key) {
    }

    /** The counts of these counters (absent ones are 0): BatchGetItem in chunks of 100. */
    public Map<Key, Long> readMany(java.util.Collection<Key> keys) {
        Map<Key, Long> counts = new HashMap<>();
        java.util.List<Key> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            java.util.List<Map<String, AttributeValue>> chunk = distinct.subList(from, Math.min(distinct.size(), from + 100)).stream()
                    .map(k -> Map.of("scope", AttributeValue.fromS(k.scope()), "key", AttributeValue.fromS(k.key()))).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(chunk).build());
            while (!pending.isEmpty()) {
                BatchGetItemResponse response = platform.dynamo().batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
                response.responses().getOrDefault(table, java.util.List.of()).forEach(item -> counts.put(
                        new Key(item.get("scope").s(), item.get("key").s()), item.containsKey("n") ? Long.parseLong(item.get("n").n()) : 0));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return counts;
    }

    public record Counted(long count, Map<String, String> labels) {
    }
}
