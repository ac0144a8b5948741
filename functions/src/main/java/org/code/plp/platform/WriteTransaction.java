package org.code.plp.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * All-or-nothing writes across tables. Items are mapped by their Enhanced Client schemas; the
 * low-level request is used because the Enhanced transaction API cannot express counter ADDs.
 * Each write is labelled so a cancelled transaction can say which condition failed.
 */
public final class WriteTransaction {
    private final DynamoDbClient dynamo;
    private final List<TransactWriteItem> writes = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    public WriteTransaction(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Puts an item only if no item has its key yet. */
    public <T> WriteTransaction create(String label, String table, TableSchema<T> schema, T item, String keyAttribute) {
        return put(label, table, schema.itemToMap(item, true), "attribute_not_exists(" + keyAttribute + ")", Map.of(), Map.of());
    }

    public WriteTransaction put(String label, String table, Map<String, AttributeValue> item, String condition,
                                Map<String, String> names, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        if (!names.isEmpty()) {
            put.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return add(label, TransactWriteItem.builder().put(put.build()).build());
    }

    public WriteTransaction update(String label, String table, Map<String, AttributeValue> key, String updateExpression,
                                   String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        Update.Builder update = Update.builder().tableName(table).key(key).updateExpression(updateExpression);
        if (condition != null) {
            update.conditionExpression(condition);
        }
        if (!names.isEmpty()) {
            update.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            update.expressionAttributeValues(values);
        }
        return add(label, TransactWriteItem.builder().update(update.build()).build());
    }

    /** Writes nothing, but fails the transaction unless the item at {@code key} meets {@code condition}. */
    public WriteTransaction check(String label, String table, Map<String, AttributeValue> key, String condition,
                                  Map<String, String> names, Map<String, AttributeValue> values) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(table).key(key).conditionExpression(condition);
        if (!names.isEmpty()) {
            check.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            check.expressionAttributeValues(values);
        }
        return add(label, TransactWriteItem.builder().conditionCheck(check.build()).build());
    }

    public WriteTransaction delete(String label, String table, Map<String, AttributeValue> key, String condition) {
        Delete.Builder delete = Delete.builder().tableName(table).key(key);
        if (condition != null) {
            delete.conditionExpression(condition);
        }
        return add(label, TransactWriteItem.builder().delete(delete.build()).build());
    }

    /** Adds {@code delta} to counter {@code scope}/{@code key} (created at 0 when new). */
    public WriteTransaction count(String countersTable, String scope, String key, long delta, Map<String, String> labelsToSet) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("scope", AttributeValue.fromS(scope));
        item.put("key", AttributeValue.fromS(key));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#n", "n");
        values.put(":d", AttributeValue.fromN(Long.toString(delta)));
        StringBuilder expression = new StringBuilder("ADD #n :d");
        int i = 0;
        for (var entry : labelsToSet.entrySet()) {
            expression.append(i == 0 ? " SET " : ", ").append("#l").append(i).append(" = :l").append(i);
            names.put("#l" + i, entry.getKey());
            values.put(":l" + i, AttributeValue.fromS(entry.getValue()));
            i++;
        }
        return update("counter " + scope + "/" + key, countersTable, item, expression.toString(), null, names, values);
    }

    private WriteTransaction add(String label, TransactWriteItem write) {
        writes.add(write);
        labels.add(label);
        return this;
    }

    /**
     * Runs the writes; on a failed condition throws {@link ConditionFailed} naming the write.
     * A cancellation only because another transaction was touching the same items (concurrent
     * submissions share counter items) is retried a few times with jittered backoff; if the items
     * stay contended, {@link Contended} is thrown. Nothing is written by a cancelled attempt, so a
     * retry is safe.
     */
    public void commit() {
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(writes).build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(request);
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                for (int i = 0; i < reasons.size() && i < labels.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        throw new ConditionFailed(labels.get(i), e);
                    }
                }
                if (!onlyConflicts(reasons)) {
                    throw e;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw new Contended(attempt, e);
                }
                backOff(attempt);
            }
        }
    }

    static final int MAX_ATTEMPTS = 5;
    private static final long BASE_DELAY_MILLIS = 15;

    private static boolean onlyConflicts(List<CancellationReason> reasons) {
        boolean conflict = false;
        for (CancellationReason reason : reasons) {
            String code = reason.code();
            if ("TransactionConflict".equals(code)) {
                conflict = true;
            } else if (code != null && !"None".equals(code)) {
                return false;
            }
        }
        return conflict;
    }

    // Full jitter: a random wait up to 15, 30, 60, 120 ms, so retrying writers spread out.
    private static void backOff(int attempt) {
        long ceiling = BASE_DELAY_MILLIS << (attempt - 1);
        try {
            Thread.sleep(1 + ThreadLocalRandom.current().nextLong(ceiling));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a transaction", interrupted);
        }
    }

    /** The items stayed in use by other transactions through every retry; nothing was written. */
    public static final class Contended extends RuntimeException {
        Contended(int attempts, Throwable cause) {
            super("Transaction conflicted " + attempts + " times", cause, false, false);
        }
    }

    /** The write labelled {@link #label()} found its condition false; nothing was written. */
    public static final class ConditionFailed extends RuntimeException {
        private final String label;

        ConditionFailed(String label, Throwable cause) {
            super("Condition failed: " + label, cause, false, false);
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
