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
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
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

    /** What a decision leaves behind for its undo: until when, the status it came from, its held email. */
    public record Hold(String until, ApplicationStatus from, String emailId) {
    }

    /**
     * Adds a decision to a transaction: the new status, its index keys, the next version and the hold,
     * only if the application is still at {@code expectedVersion} in its current status. Of two
     * reviewers deciding at once, the second finds the condition false.
     */
    public void moveStatus(WriteTransaction transaction, ApplicationItem current, ApplicationStatus toStatus, long expectedVersion,
                           String now, Hold hold, boolean coPartner) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", AttributeValue.fromS(toStatus.wire()),
                ":regionStatus", AttributeValue.fromS(ApplicationItem.regionStatusKey(current.getRegionKey(), toStatus)),
                ":next", AttributeValue.fromN(Long.toString(expectedVersion + 1)),
                ":now", AttributeValue.fromS(now),
                ":expected", AttributeValue.fromN(Long.toString(expectedVersion)),
                ":from", AttributeValue.fromS(current.getStatus().wire()),
                ":heldUntil", AttributeValue.fromS(hold.until()),
                ":heldFrom", AttributeValue.fromS(hold.from().wire())));
        StringBuilder update = new StringBuilder("SET #status = :to, regionStatus = :regionStatus, version = :next, updatedAt = :now, "
                + "heldUntil = :heldUntil, heldFrom = :heldFrom");
        List<String> removes = new ArrayList<>();
        if (hold.emailId() != null) {
            update.append(", heldEmailId = :heldEmailId");
            values.put(":heldEmailId", AttributeValue.fromS(hold.emailId()));
        } else {
            removes.add("heldEmailId");
        }
        if (coPartner) {
            update.append(", coPartner = :true");
            values.put(":true", AttributeValue.fromBool(true));
        } else {
            removes.add("coPartner");
        }
        if (!removes.isEmpty()) {
            update.append(" REMOVE ").append(String.join(", ", removes));
        }
        transaction.update("application", table.tableName(), key(current.getId()), update.toString(),
                "#version = :expected AND #status = :from", Map.of("#status", "status", "#version", "version"), values);
    }

    /**
     * Adds an undo to a transaction: back to the held-from status at the next version, the hold gone,
     * only if the application is still at {@code expectedVersion} and its hold has not ended at {@code now}.
     */
    public void undo(WriteTransaction transaction, ApplicationItem current, long expectedVersion, String now) {
        ApplicationStatus back = current.getHeldFrom();
        transaction.update("application", table.tableName(), key(current.getId()),
                "SET #status = :back, regionStatus = :regionStatus, version = :next, updatedAt = :now "
                        + "REMOVE heldUntil, heldFrom, heldEmailId, coPartner",
                "#version = :expected AND heldUntil > :now",
                Map.of("#status", "status", "#version", "version"),
                Map.of(":back", AttributeValue.fromS(back.wire()),
                        ":regionStatus", AttributeValue.fromS(ApplicationItem.regionStatusKey(current.getRegionKey(), back)),
                        ":next", AttributeValue.fromN(Long.toString(expectedVersion + 1)),
                        ":now", AttributeValue.fromS(now),
                        ":expected", AttributeValue.fromN(Long.toString(expectedVersion))));
    }

    /** Every application of a region, oldest first: a Query on the byRegion index, page by page. */
    public List<ApplicationItem> inRegion(String regionKey) {
        return table.index(ApplicationItem.BY_REGION).query(QueryConditional.keyEqualTo(Key.builder().partitionValue(regionKey).build()))
                .stream().flatMap(page -> page.items().stream()).toList();
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
