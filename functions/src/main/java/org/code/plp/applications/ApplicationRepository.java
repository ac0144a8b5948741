package org.code.plp.applications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Applications in DynamoDB. */
public class ApplicationRepository {
    private final DynamoDbTable<ApplicationItem> table;
    private final DynamoDbClient dynamo;

    public ApplicationRepository(Platform platform) {
        this.dynamo = platform.dynamo();
        this.table = platform.enhanced().table(platform.table("APPLICATIONS_TABLE"), ApplicationItem.SCHEMA);
    }

    public Optional<ApplicationItem> find(String id) {
        // Strongly consistent: a reviewer must see the version a decision just wrote.
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)));
    }

    /** Adds the creation of a new application to a transaction; it never overwrites one. */
    public void create(WriteTransaction transaction, ApplicationItem item) {
        transaction.create("application", table.tableName(), ApplicationItem.SCHEMA, item, "id");
    }

    /**
     * Adds a decision to a transaction: the new status, its index keys and the next version, only
     * if the application is still at {@code expectedVersion} in {@code fromStatus}. Of two
     * reviewers deciding at once, the second finds the condition false.
     */
    public void moveStatus(WriteTransaction transaction, ApplicationItem current, ApplicationStatus toStatus, long expectedVersion,
                           String now) {
        transaction.update("application", table.tableName(), key(current.getId()),
                "SET #status = :to, regionStatus = :regionStatus, version = :next, updatedAt = :now",
                "#version = :expected AND #status = :from",
                Map.of("#status", "status", "#version", "version"),
                Map.of(":to", AttributeValue.fromS(toStatus.wire()),
                        ":regionStatus", AttributeValue.fromS(ApplicationItem.regionStatusKey(current.getRegionKey(), toStatus)),
                        ":next", AttributeValue.fromN(Long.toString(expectedVersion + 1)),
                        ":now", AttributeValue.fromS(now),
                        ":expected", AttributeValue.fromN(Long.toString(expectedVersion)),
                        ":from", AttributeValue.fromS(current.getStatus().wire())));
    }

    /**
     * Sets or clears single criteria of the scores map in place, so two reviewers scoring different
     * criteria at once both keep their answers. Answers false when the application has no scores
     * map yet (then {@link #createScores} writes the first one).
     */
    public boolean updateScores(String id, Map<String, String> changes, String now) {
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#scores", "scores");
        values.put(":now", AttributeValue.fromS(now));
        sets.add("updatedAt = :now");
        int i = 0;
        for (var change : changes.entrySet()) {
            names.put("#c" + i, change.getKey());
            if (change.getValue() == null) {
                removes.add("#scores.#c" + i);
            } else {
                sets.add("#scores.#c" + i + " = :v" + i);
                values.put(":v" + i, AttributeValue.fromS(change.getValue()));
            }
            i++;
        }
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table.tableName()).key(key(id))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(id) AND attribute_type(#scores, :map)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(with(values, ":map", AttributeValue.fromS("M")))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The first scores of an application stored without a scores map. */
    public void createScores(String id, Map<String, String> scores, String now) {
        Map<String, AttributeValue> map = new HashMap<>();
        scores.forEach((criterion, answer) -> map.put(criterion, AttributeValue.fromS(answer)));
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table.tableName()).key(key(id))
                .updateExpression("SET #scores = :scores, updatedAt = :now")
                .conditionExpression("attribute_exists(id) AND attribute_not_exists(#scores)")
                .expressionAttributeNames(Map.of("#scores", "scores"))
                .expressionAttributeValues(Map.of(":scores", AttributeValue.fromM(map), ":now", AttributeValue.fromS(now)))
                .build());
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String name, AttributeValue value) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(name, value);
        return all;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    public DynamoDbTable<ApplicationItem> table() {
        return table;
    }
}
