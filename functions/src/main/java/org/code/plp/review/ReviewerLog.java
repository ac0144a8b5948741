package org.code.plp.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Each reviewer's own part of an application, kept in the application's log partition beside its
 * status log and notes: one score sheet per reviewer ({@code score#<sub>}), assignments
 * ({@code assign#<email>}, listed per reviewer through the {@code byAssignee} index) and recusals
 * ({@code recusal#<sub>}). One item per reviewer means two reviewers never overwrite each other.
 */
public class ReviewerLog {
    public static final String BY_ASSIGNEE = "byAssignee";
    static final String SCORE_PREFIX = "score#";
    static final String ASSIGN_PREFIX = "assign#";
    static final String RECUSAL_PREFIX = "recusal#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final ApplicationLog log;

    public ReviewerLog(Platform platform) {
        this.dynamo = platform.dynamo();
        this.table = platform.table("APPLICATION_LOG_TABLE");
        this.log = new ApplicationLog(platform);
    }

    /** One reviewer's answers (criterion -> yes/no), who and when, and the revision a change must start from. */
    public record ScoreSheet(String reviewerSub, String reviewer, String at, Map<String, String> answers, long rev) {
    }

    public record Assignment(String assignee, String by, String at) {
    }

    public record Recusal(String reviewerSub, String reviewer, String at, String reason) {
    }

    public record Entries(List<ScoreSheet> sheets, List<Assignment> assignments, List<Recusal> recusals) {
        public boolean recused(String reviewerSub) {
            return recusals.stream().anyMatch(r -> r.reviewerSub().equals(reviewerSub));
        }

        public boolean recusedEmail(String email) {
            return recusals.stream().anyMatch(r -> r.reviewer().equalsIgnoreCase(email));
        }

        public ScoreSheet sheetOf(String reviewerSub) {
            return sheets.stream().filter(s -> s.reviewerSub().equals(reviewerSub)).findFirst().orElse(null);
        }
    }

    /** The reviewers' entries of one application: one consistent Query of its partition. */
    public Entries read(String applicationId) {
        return parse(log.items(applicationId));
    }

    /** The reviewers' entries among a partition's items. */
    public static Entries parse(List<Map<String, AttributeValue>> items) {
        List<ScoreSheet> sheets = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        List<Recusal> recusals = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String entryId = item.get("entryId").s();
            if (entryId.startsWith(SCORE_PREFIX)) {
                Map<String, String> answers = new HashMap<>();
                item.getOrDefault("answers", AttributeValue.fromM(Map.of())).m().forEach((c, a) -> answers.put(c, a.s()));
                sheets.add(new ScoreSheet(s(item, "reviewerSub"), s(item, "by"), s(item, "at"), answers,
                        Long.parseLong(item.get("rev").n())));
            } else if (entryId.startsWith(ASSIGN_PREFIX)) {
                assignments.add(new Assignment(s(item, "assignee"), s(item, "by"), s(item, "at")));
            } else if (entryId.startsWith(RECUSAL_PREFIX)) {
                recusals.add(new Recusal(s(item, "reviewerSub"), s(item, "by"), s(item, "at"), s(item, "text")));
            }
        }
        return new Entries(sheets, assignments, recusals);
    }

    /** Writes a reviewer's sheet, only if it is still at the revision read (0: none yet). */
    public void putSheet(WriteTransaction transaction, String applicationId, ScoreSheet sheet, long seenRev) {
        Map<String, AttributeValue> item = base(applicationId, SCORE_PREFIX + sheet.reviewerSub(), "score", sheet.reviewer(), sheet.at());
        Map<String, AttributeValue> answers = new HashMap<>();
        sheet.answers().forEach((criterion, answer) -> answers.put(criterion, AttributeValue.fromS(answer)));
        item.put("answers", AttributeValue.fromM(answers));
        item.put("reviewerSub", AttributeValue.fromS(sheet.reviewerSub()));
        item.put("rev", AttributeValue.fromN(Long.toString(seenRev + 1)));
        if (seenRev == 0) {
            transaction.put("score sheet", table, item, "attribute_not_exists(entryId)", Map.of(), Map.of());
        } else {
            transaction.put("score sheet", table, item, "rev = :seen", Map.of(),
                    Map.of(":seen", AttributeValue.fromN(Long.toString(seenRev))));
        }
    }

    public void deleteSheet(WriteTransaction transaction, String applicationId, String reviewerSub) {
        transaction.delete("score sheet", table, key(applicationId, SCORE_PREFIX + reviewerSub), null);
    }

    /** Fails the transaction (label "recusal") if the reviewer has recused themselves from the application. */
    public void requireNotRecused(WriteTransaction transaction, String applicationId, String reviewerSub) {
        transaction.check("recusal", table, key(applicationId, RECUSAL_PREFIX + reviewerSub), "attribute_not_exists(entryId)",
                Map.of(), Map.of());
    }

    public void putRecusal(WriteTransaction transaction, String applicationId, Recusal recusal) {
        Map<String, AttributeValue> item = base(applicationId, RECUSAL_PREFIX + recusal.reviewerSub(), "recusal",
                recusal.reviewer(), recusal.at());
        item.put("reviewerSub", AttributeValue.fromS(recusal.reviewerSub()));
        if (recusal.reason() != null) {
            item.put("text", AttributeValue.fromS(recusal.reason()));
        }
        transaction.put("recusal", table, item, "attribute_not_exists(entryId)", Map.of(), Map.of());
    }

    /** Assigns a reviewer (by email, lower-cased); a second assignment of the same reviewer fails its condition. */
    public void putAssignment(WriteTransaction transaction, String applicationId, Assignment assignment) {
        String assignee = normalEmail(assignment.assignee());
        Map<String, AttributeValue> item = base(applicationId, ASSIGN_PREFIX + assignee, "assignment", assignment.by(),
                assignment.at());
        item.put("assignee", AttributeValue.fromS(assignee));
        transaction.put("assignment", table, item, "attribute_not_exists(entryId)", Map.of(), Map.of());
    }

    public void deleteAssignment(WriteTransaction transaction, String applicationId, String assignee) {
        transaction.delete("assignment", table, key(applicationId, ASSIGN_PREFIX + normalEmail(assignee)), null);
    }

    /** A page of the applications assigned to {@code email}, newest assignment first: one Query of {@code byAssignee}. */
    public AssignedPage assignedTo(String email, int limit, String cursor) {
        String assignee = normalEmail(email);
        Map<String, String> filters = Map.of("assigned", assignee);
        Map<String, AttributeValue> start = cursor == null ? null
                : PageCursor.decode(cursor, filters, Set.of("applicationId", "entryId", "assignee", "at"), "assignee", assignee);
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).indexName(BY_ASSIGNEE)
                .keyConditionExpression("assignee = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(assignee)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(start)
                .build());
        List<String> ids = response.items().stream().map(item -> item.get("applicationId").s()).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new AssignedPage(ids, more ? PageCursor.encode(filters, response.lastEvaluatedKey()) : null);
    }

    public record AssignedPage(List<String> applicationIds, String nextCursor) {
    }

    /** Every application assigned to {@code email} (at most {@code max}), newest assignment first: the index page by page. */
    public List<String> allAssignedTo(String email, int max) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            AssignedPage page = assignedTo(email, 100, cursor);
            ids.addAll(page.applicationIds());
            cursor = page.nextCursor();
        } while (cursor != null && ids.size() < max);
        return ids.size() > max ? ids.subList(0, max) : ids;
    }

    public static String normalEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, AttributeValue> key(String applicationId, String entryId) {
        return Map.of("applicationId", AttributeValue.fromS(applicationId), "entryId", AttributeValue.fromS(entryId));
    }

    private static Map<String, AttributeValue> base(String applicationId, String entryId, String type, String by, String at) {
        return new HashMap<>(ApplicationLog.entry(applicationId, entryId, type, by, at));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        return ApplicationLog.s(item, name);
    }
}
