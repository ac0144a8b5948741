package org.code.plp.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads one page, newest first, from a GSI keyed by a partition value and {@code submittedAt}.
 * Without a filter a page is one Query with {@code Limit = limit}. With a filter DynamoDB applies
 * {@code Limit} before filtering, so it queries on until the page is full or {@link #READ_BUDGET}
 * items were read, and still returns where it stopped: the cost of a page is bounded by the
 * budget, never by the size of the table.
 */
public record IndexPager(DynamoDbClient dynamo, String table) {
    public static final int READ_BUDGET = 1000;
    private static final int FILTERED_CHUNK = 250;

    /** The table's key: the tables paged (applications, interest forms) are keyed by {@code id} alone. */
    private static final String TABLE_KEY = "id";

    /** What a page of a GSI Query selects: the index, its partition, an optional filter, the sort key (read descending). */
    public record Selection(String index, String partitionAttribute, String partitionValue, Filter filter, String sortAttribute) {
        public Selection(String index, String partitionAttribute, String partitionValue, Filter filter) {
            this(index, partitionAttribute, partitionValue, filter, "submittedAt");
        }

        public Set<String> keyAttributes() {
            return Set.of(TABLE_KEY, partitionAttribute, sortAttribute);
        }
    }

    /** A filter expression with its names and values. */
    public record Filter(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    }

    /** Items of one page, and the key to go on from (null at the end). */
    public record Page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastKey, int read) {
    }

    /** One page of a list answer: its items and the opaque cursor of the next page (null at the end). */
    public record Listing(List<Map<String, AttributeValue>> items, String nextCursor) {
    }

    /**
     * The page after {@code cursor} (null for the first): the cursor must have been made for
     * {@code filters} and this selection's index, else a 400 naming {@code cursor}.
     */
    public Listing list(Selection selection, Map<String, String> filters, int limit, String cursor) {
        Map<String, AttributeValue> start = cursor == null ? null : start(selection, filters, cursor);
        Page page = page(selection, limit, start);
        return new Listing(page.items(), page.lastKey() == null ? null : PageCursor.encode(filters, page.lastKey()));
    }

    /** The key to go on from in {@code cursor}, checked against {@code filters} and this selection's index. */
    public Map<String, AttributeValue> start(Selection selection, Map<String, String> filters, String cursor) {
        return PageCursor.decode(cursor, filters, selection.keyAttributes(), selection.partitionAttribute(),
                selection.partitionValue());
    }

    public Page page(Selection selection, int limit, Map<String, AttributeValue> start) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> next = start;
        int read = 0;
        do {
            int chunk = selection.filter() == null ? limit - items.size() : Math.min(FILTERED_CHUNK, READ_BUDGET - read);
            QueryResponse response = dynamo.query(request(selection, chunk, next));
            read += response.scannedCount();
            next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            List<Map<String, AttributeValue>> found = response.items();
            int room = limit - items.size();
            if (found.size() > room) {
                // More matches than the page holds: stop after the last one taken, not at DynamoDB's key.
                items.addAll(found.subList(0, room));
                return new Page(items, keyOf(items.getLast(), selection), read);
            }
            items.addAll(found);
        } while (next != null && items.size() < limit && read < READ_BUDGET);
        return new Page(items, next, read);
    }

    private QueryRequest request(Selection selection, int limit, Map<String, AttributeValue> start) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", selection.partitionAttribute());
        values.put(":pk", AttributeValue.fromS(selection.partitionValue()));
        QueryRequest.Builder builder = QueryRequest.builder()
                .tableName(table)
                .indexName(selection.index())
                .keyConditionExpression("#pk = :pk")
                .scanIndexForward(false)
                .limit(Math.max(1, limit));
        if (selection.filter() != null) {
            builder.filterExpression(selection.filter().expression());
            names.putAll(selection.filter().names());
            values.putAll(selection.filter().values());
        }
        if (start != null) {
            builder.exclusiveStartKey(start);
        }
        return builder.expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    /** The key a Query of {@code selection} goes on from after {@code item}. */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, Selection selection) {
        Map<String, AttributeValue> key = new HashMap<>();
        for (String attribute : selection.keyAttributes()) {
            key.put(attribute, item.get(attribute));
        }
        return key;
    }
}
