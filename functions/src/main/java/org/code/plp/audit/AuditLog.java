package org.code.plp.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.TreeMap;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Retention;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Who did what to applicants' data, and when: one item per staff access, never a copy of the data
 * (ids and counts only). One partition ({@code stream = staff}) sorted by time, so the log is read
 * newest first by a Query; staff access is a few writes a minute at most. Items expire after
 * {@code AUDIT_RETENTION_DAYS}, longer than the data they are about.
 */
public record AuditLog(DynamoDbClient dynamo, String table, Clock clock, Duration retention) {
    public static final String STREAM = "staff";
    public static final int MAX_PAGE = 1000;
    private static final List<String> EXPORT_FILTERS = List.of("status", "region", "state", "assigned", "sort", "tz", "parts");

    /** One recorded access. {@code target}: an application id, region id or export name; {@code detail}: counts and filters. */
    public record Entry(String at, String actor, String action, String target, Map<String, String> detail) {
    }

    public record Page(List<Entry> items, String nextCursor) {
    }

    public AuditLog(Platform platform) {
        this(platform.dynamo(), platform.table("AUDIT_TABLE"), platform.clock(), retention(platform));
    }

    /** AUDIT_RETENTION_DAYS, which must outlast the data the entries are about (a misconfiguration stops the function at init). */
    private static Duration retention(Platform platform) {
        Duration audit = Duration.ofDays(Long.parseLong(platform.env().get("AUDIT_RETENTION_DAYS", "3650").strip()));
        Retention data = Retention.from(platform.env());
        if (audit.compareTo(data.decided()) <= 0 || audit.compareTo(data.interest()) <= 0) {
            throw new IllegalStateException("AUDIT_RETENTION_DAYS (" + audit.toDays() + ") must be longer than DECIDED_RETENTION_DAYS ("
                    + data.decided().toDays() + ") and INTEREST_RETENTION_DAYS (" + data.interest().toDays() + ")");
        }
        return audit;
    }

    /** Records an access that writes nothing else (a read, an export). */
    public void record(StaffIdentity staff, String action, String target, Map<String, String> detail) {
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item(staff, action, target, detail)).build());
    }

    /**
     * Records a CSV export: which one, its filters and how many rows the answer carried; never the rows,
     * and of a search only that there was one (the words typed may name a person).
     */
    public void export(StaffIdentity staff, String name, ApiRequest request, ApiResponse answer) {
        Map<String, String> detail = new TreeMap<>();
        for (String filter : EXPORT_FILTERS) {
            request.query(filter).ifPresent(value -> detail.put(filter, value));
        }
        request.query("q").ifPresent(q -> detail.put("search", "yes"));
        putIfPresent(detail, "rows", answer.headers().get("X-Row-Count"));
        putIfPresent(detail, "part", answer.headers().get("X-Part"));
        record(staff, "export", name, detail);
    }

    private static void putIfPresent(Map<String, String> detail, String name, String value) {
        if (value != null) {
            detail.put(name, value);
        }
    }

    /** Records an access in the transaction of the write it is about, so neither lands without the other. */
    public void record(WriteTransaction transaction, StaffIdentity staff, String action, String target, Map<String, String> detail) {
        transaction.put("audit", table, item(staff, action, target, detail), "attribute_not_exists(entryId)", Map.of(), Map.of());
    }

    private Map<String, AttributeValue> item(StaffIdentity staff, String action, String target, Map<String, String> detail) {
        Instant now = Timestamps.truncate(clock.instant());
        String at = Timestamps.format(now);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("stream", AttributeValue.fromS(STREAM));
        item.put("entryId", AttributeValue.fromS(at + "#" + UUID.randomUUID().toString().substring(0, 8)));
        item.put("at", AttributeValue.fromS(at));
        item.put("actor", AttributeValue.fromS(staff.displayName()));
        item.put("action", AttributeValue.fromS(action));
        if (target != null) {
            item.put("target", AttributeValue.fromS(target));
        }
        if (!detail.isEmpty()) {
            Map<String, AttributeValue> d = new HashMap<>();
            detail.forEach((k, v) -> d.put(k, AttributeValue.fromS(v)));
            item.put("detail", AttributeValue.fromM(d));
        }
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(retention).getEpochSecond())));
        return item;
    }

    /** Newest first, {@code limit} entries after {@code cursor} (null for the first page). */
    public Page page(int limit, String cursor) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "stream"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(STREAM)))
                .scanIndexForward(false)
                .limit(limit);
        if (cursor != null) {
            query.exclusiveStartKey(Map.of("stream", AttributeValue.fromS(STREAM), "entryId", AttributeValue.fromS(decode(cursor))));
        }
        QueryResponse response = dynamo.query(query.build());
        List<Entry> items = new ArrayList<>();
        for (Map<String, AttributeValue> raw : response.items()) {
            Map<String, String> detail = new LinkedHashMap<>();
            if (raw.containsKey("detail")) {
                raw.get("detail").m().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> detail.put(e.getKey(), e.getValue().s()));
            }
            items.add(new Entry(s(raw, "at"), s(raw, "actor"), s(raw, "action"), s(raw, "target"), detail));
        }
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        String next = last == null || last.isEmpty() ? null : encode(last.get("entryId").s());
        return new Page(items, next);
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static String encode(String entryId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(entryId.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String entryId = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (entryId.matches("^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z#[0-9a-f]{8}$")) {
                return entryId;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw Problem.validation(List.of(new FieldError("cursor", "Not a cursor of this list; start again without it.")));
    }
}
