package org.code.plp.applications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Retention;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Applications in DynamoDB. */
public class ApplicationRepository {
    private final DynamoDbTable<ApplicationItem> table;
    private final DynamoDbClient dynamo;
    private final Retention retention;

    public ApplicationRepository(Platform platform) {
        this.dynamo = platform.dynamo();
        this.retention = Retention.from(platform.env());
        this.table = platform.enhanced().table(platform.table("APPLICATIONS_TABLE"), ApplicationItem.SCHEMA);
    }

    public Optional<ApplicationItem> find(String id) {
        // Strongly consistent: a reviewer must see the version a decision just wrote.
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)));
    }

    /** The applications with these ids that exist, in the order given: BatchGetItem in chunks of 100. */
    public List<ApplicationItem> findAll(List<String> ids) {
        Map<String, ApplicationItem> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + 100)).stream()
                    .distinct().map(ApplicationRepository::key).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table.tableName(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!pending.isEmpty()) {
                BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
                response.responses().getOrDefault(table.tableName(), List.of())
                        .forEach(raw -> found.put(raw.get("id").s(), ApplicationItem.SCHEMA.mapToItem(raw)));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The ids of the applications sent from {@code email}, newest first, at most {@code most}; only those
     * submitted at or after {@code since} when it is given. A Query of the keys-only byContactEmail index.
     */
    public List<String> idsByContactEmail(String email, String since, int most) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":e", AttributeValue.fromS(email)));
        String condition = "contactEmail = :e";
        if (since != null) {
            condition += " AND submittedAt >= :since";
            values.put(":since", AttributeValue.fromS(since));
        }
        return ids(ApplicationItem.BY_CONTACT_EMAIL, condition, values, most);
    }

    /**
     * The ids of the applications holding {@code value} in a possible-duplicate key ({@code emailKey} in
     * {@link ApplicationItem#BY_EMAIL_KEY}, {@code orgKey} in {@link ApplicationItem#BY_ORG_KEY}), newest first, at most {@code most}.
     */
    public List<String> idsByDuplicateKey(String index, String attribute, String value, int most) {
        return ids(index, attribute + " = :v", Map.of(":v", AttributeValue.fromS(value)), most);
    }

    private List<String> ids(String index, String keyCondition, Map<String, AttributeValue> values, int most) {
        return dynamo.query(r -> r.tableName(table.tableName()).indexName(index)
                        .keyConditionExpression(keyCondition).expressionAttributeValues(values)
                        .scanIndexForward(false).limit(most))
                .items().stream().map(item -> item.get("id").s()).toList();
    }

    /** Adds the creation of a new application to a transaction; it never overwrites one. */
    public void create(WriteTransaction transaction, ApplicationItem item) {
        transaction.create("application", table.tableName(), ApplicationItem.SCHEMA, item, "id");
    }

    /** A move that is not a staff decision (the applicant withdrawing): nothing to undo, an earlier hold ends. */
    public void moveStatus(WriteTransaction transaction, ApplicationItem current, ApplicationStatus toStatus, long expectedVersion,
                           String now) {
        moveStatus(transaction, current, toStatus, expectedVersion, now, null, false);
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
                ":from", AttributeValue.fromS(current.getStatus().wire())));
        StringBuilder update = new StringBuilder("SET #status = :to, regionStatus = :regionStatus, version = :next, updatedAt = :now");
        List<String> removes = new ArrayList<>();
        expiry(toStatus, now, update, removes, values);
        if (hold == null) {
            removes.addAll(List.of("heldUntil", "heldFrom", "heldEmailId"));
        } else {
            update.append(", heldUntil = :heldUntil, heldFrom = :heldFrom");
            values.put(":heldUntil", AttributeValue.fromS(hold.until()));
            values.put(":heldFrom", AttributeValue.fromS(hold.from().wire()));
        }
        if (hold != null && hold.emailId() != null) {
            update.append(", heldEmailId = :heldEmailId");
            values.put(":heldEmailId", AttributeValue.fromS(hold.emailId()));
        } else if (hold != null) {
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
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":back", AttributeValue.fromS(back.wire()),
                ":regionStatus", AttributeValue.fromS(ApplicationItem.regionStatusKey(current.getRegionKey(), back)),
                ":next", AttributeValue.fromN(Long.toString(expectedVersion + 1)),
                ":now", AttributeValue.fromS(now),
                ":expected", AttributeValue.fromN(Long.toString(expectedVersion))));
        StringBuilder update = new StringBuilder("SET #status = :back, regionStatus = :regionStatus, version = :next, updatedAt = :now");
        List<String> removes = new ArrayList<>(List.of("heldUntil", "heldFrom", "heldEmailId", "coPartner"));
        expiry(back, now, update, removes, values);
        update.append(" REMOVE ").append(String.join(", ", removes));
        transaction.update("application", table.tableName(), key(current.getId()), update.toString(),
                "#version = :expected AND heldUntil > :now", Map.of("#status", "status", "#version", "version"), values);
    }

    /**
     * Retention: a final status (decided or withdrawn) sets the TTL to the configured time from now; any
     * other status clears it (an undo back to review keeps the application). An undo back to an earlier
     * final status counts the period from the undo, a few minutes later than that decision: never shorter.
     */
    private void expiry(ApplicationStatus status, String now, StringBuilder update, List<String> removes,
                        Map<String, AttributeValue> values) {
        if (status.isFinal()) {
            update.append(", ").append(Retention.TTL_ATTRIBUTE).append(" = :expiresAt");
            values.put(":expiresAt", AttributeValue.fromN(Long.toString(retention.decidedExpiry(Instant.parse(now)))));
        } else {
            removes.add(Retention.TTL_ATTRIBUTE);
        }
    }

    /** Every application of a region, oldest first: a Query on the byRegion index, page by page. */
    public List<ApplicationItem> inRegion(String regionKey) {
        return table.index(ApplicationItem.BY_REGION).query(QueryConditional.keyEqualTo(Key.builder().partitionValue(regionKey).build()))
                .stream().flatMap(page -> page.items().stream()).toList();
    }

    /**
     * Adds the application's new score totals to a transaction, only if no other score write came
     * between (the totals are derived from every reviewer's sheet, read at revision {@code seenRev})
     * and the application is not decided yet: scores are frozen by the decision.
     */
    public void setScoreTotals(WriteTransaction transaction, ApplicationItem current, Map<String, Long> yes,
                               Map<String, Long> answered, Long overallTenths, long reviewers) {
        long seen = current.getScoreRev() == null ? 0 : current.getScoreRev();
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":yes", numbers(yes));
        values.put(":answered", numbers(answered));
        values.put(":key", AttributeValue.fromS(ApplicationItem.scoreKey(overallTenths, current.getSubmittedAt())));
        values.put(":reviewers", AttributeValue.fromN(Long.toString(reviewers)));
        values.put(":next", AttributeValue.fromN(Long.toString(seen + 1)));
        String set = "SET scoreYes = :yes, scoreAnswered = :answered, scoreKey = :key, reviewerCount = :reviewers, scoreRev = :next";
        String update = set + (overallTenths == null ? " REMOVE overallScore" : ", overallScore = :overall");
        if (overallTenths != null) {
            values.put(":overall", AttributeValue.fromN(Long.toString(overallTenths)));
        }
        StringBuilder condition = new StringBuilder(seen == 0 ? "attribute_not_exists(scoreRev)" : "scoreRev = :seen");
        if (seen != 0) {
            values.put(":seen", AttributeValue.fromN(Long.toString(seen)));
        }
        condition.append(" AND attribute_exists(id) AND NOT #status IN (");
        int i = 0;
        for (ApplicationStatus status : ApplicationStatus.values()) {
            if (status.isFinal()) {
                condition.append(i == 0 ? "" : ", ").append(":final").append(i);
                values.put(":final" + i, AttributeValue.fromS(status.wire()));
                i++;
            }
        }
        condition.append(')');
        transaction.update("application", table.tableName(), key(current.getId()), update, condition.toString(), names, values);
    }

    /** Marks the application's duplicate flag as looked at and dismissed; false when there is no such application. */
    public boolean dismissDuplicate(String id, String by, String now) {
        try {
            dynamo.updateItem(r -> r.tableName(table.tableName()).key(key(id))
                    .updateExpression("SET duplicateDismissedBy = :by, duplicateDismissedAt = :at")
                    .conditionExpression("attribute_exists(id)")
                    .expressionAttributeValues(Map.of(":by", AttributeValue.fromS(by), ":at", AttributeValue.fromS(now))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException missing) {
            return false;
        }
    }

    private static AttributeValue numbers(Map<String, Long> counts) {
        Map<String, AttributeValue> map = new HashMap<>();
        counts.forEach((name, n) -> map.put(name, AttributeValue.fromN(Long.toString(n))));
        return AttributeValue.fromM(map);
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    public DynamoDbTable<ApplicationItem> table() {
        return table;
    }
}
