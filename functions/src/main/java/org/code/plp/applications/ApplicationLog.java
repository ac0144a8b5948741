package org.code.plp.applications;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The status log and reviewer notes of applications, one partition per application.
 * Status entries are keyed by the version they created ({@code status#0000000002}), so a second
 * write of the same version is impossible; notes by time ({@code note#<at>#<random>}).
 */
public class ApplicationLog {
    public static final String STATUS_PREFIX = "status#";
    public static final String NOTE_PREFIX = "note#";

    private final DynamoDbClient dynamo;
    private final String table;

    public ApplicationLog(Platform platform) {
        this.dynamo = platform.dynamo();
        this.table = platform.table("APPLICATION_LOG_TABLE");
    }

    /**
     * One move of the status, as the detail answers it ({@code note} only when one was given;
     * {@code coPartner} when accepted as a joint partner; {@code undid} when this entry undoes that status).
     */
    @JsonPropertyOrder({"status", "by", "at", "version", "note", "coPartner", "undid"})
    public record StatusEntry(ApplicationStatus status, String by, String at,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String note, long version,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Boolean coPartner,
                              @JsonInclude(JsonInclude.Include.NON_NULL) ApplicationStatus undid) {
        public StatusEntry(ApplicationStatus status, String by, String at, String note, long version) {
            this(status, by, at, note, version, null, null);
        }
    }

    public record Note(String by, String at, String text) {
    }

    public record Entries(List<StatusEntry> statusLog, List<Note> notes) {
    }

    public static String statusEntryId(long version) {
        return STATUS_PREFIX + String.format("%010d", version);
    }

    /** Adds the status entry of {@code version} to a transaction. */
    public void status(WriteTransaction transaction, String applicationId, StatusEntry entry) {
        Map<String, AttributeValue> item = entry(applicationId, statusEntryId(entry.version()), "status", entry.by(), entry.at());
        item.put("status", AttributeValue.fromS(entry.status().wire()));
        item.put("version", AttributeValue.fromN(Long.toString(entry.version())));
        if (entry.note() != null) {
            item.put("text", AttributeValue.fromS(entry.note()));
        }
        if (Boolean.TRUE.equals(entry.coPartner())) {
            item.put("coPartner", AttributeValue.fromBool(true));
        }
        if (entry.undid() != null) {
            item.put("undid", AttributeValue.fromS(entry.undid().wire()));
        }
        transaction.put("status log", table, item, "attribute_not_exists(entryId)", Map.of(), Map.of());
    }

    public void note(WriteTransaction transaction, String applicationId, Note note, String unique) {
        Map<String, AttributeValue> item = entry(applicationId, NOTE_PREFIX + note.at() + "#" + unique, "note", note.by(), note.at());
        item.put("text", AttributeValue.fromS(note.text()));
        transaction.put("note", table, item, "attribute_not_exists(entryId)", Map.of(), Map.of());
    }

    /** Every entry of one application, in order: a Query of its partition. */
    public Entries read(String applicationId) {
        return parse(items(applicationId));
    }

    /** The raw items of one application's partition (status log, notes and the reviewers' entries), in key order. */
    public List<Map<String, AttributeValue>> items(String applicationId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("applicationId = :id")
                    .consistentRead(true)
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(applicationId)))
                    .exclusiveStartKey(start)
                    .build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** The status log and notes among a partition's items. */
    public static Entries parse(List<Map<String, AttributeValue>> items) {
        List<StatusEntry> statusLog = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String entryId = item.get("entryId").s();
            if (entryId.startsWith(STATUS_PREFIX)) {
                statusLog.add(new StatusEntry(ApplicationStatus.fromWire(s(item, "status")).orElseThrow(), s(item, "by"), s(item, "at"), s(item, "text"),
                        Long.parseLong(item.get("version").n()), item.containsKey("coPartner") ? Boolean.TRUE : null,
                        item.containsKey("undid") ? ApplicationStatus.fromWire(s(item, "undid")).orElseThrow() : null));
            } else if (entryId.startsWith(NOTE_PREFIX)) {
                notes.add(new Note(s(item, "by"), s(item, "at"), s(item, "text")));
            }
        }
        return new Entries(statusLog, notes);
    }

    /** A new log item's common attributes. */
    public static Map<String, AttributeValue> entry(String applicationId, String entryId, String type, String by, String at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("applicationId", AttributeValue.fromS(applicationId));
        item.put("entryId", AttributeValue.fromS(entryId));
        item.put("type", AttributeValue.fromS(type));
        item.put("by", AttributeValue.fromS(by));
        item.put("at", AttributeValue.fromS(at));
        return item;
    }

    public static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
