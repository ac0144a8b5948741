package org.code.plp.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.code.plp.applications.DuplicateKeys;
import org.code.plp.counters.Counters;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Json;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

/**
 * Erasure on request: every personal field of what {@link PersonalData} finds for an address is
 * removed or replaced by {@value #TOMBSTONE}; what statistics need stays (region, status, state,
 * organization type, programs, dates, version), and counters are not touched, since no record
 * goes away; only the duplicate-key counters, whose keys are the address and the organization's
 * name, lose the erased applications and are deleted once they count none. An application, its log entries and its emails change in one transaction conditioned
 * on the version read, so a decision racing the erasure either lands first (the erasure then reads
 * again and also strips the decision's email) or fails its own version check (409): nothing
 * personal is queued after an erasure. Pending emails are cancelled (state {@value OutboxItem#CANCELLED}),
 * so neither the stream sender nor the redrive sends them.
 */
public final class Erasure {
    public static final String TOMBSTONE = "[erased]";
    private static final int ATTEMPTS = 5;
    private static final int MAX_WRITES = 100;

    /** What was (or would be) erased, as counts; never the data itself. */
    public record Counts(int applications, int interestForms, int logEntries, int emails, int pendingEmailsCancelled) {
        public Map<String, String> asDetail() {
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("applications", Integer.toString(applications));
            detail.put("interestForms", Integer.toString(interestForms));
            detail.put("logEntries", Integer.toString(logEntries));
            detail.put("emails", Integer.toString(emails));
            detail.put("pendingEmailsCancelled", Integer.toString(pendingEmailsCancelled));
            return detail;
        }
    }

    private final PersonalData data;
    private final AuditLog audit;
    private final DynamoDbClient dynamo;
    private final Clock clock;

    public Erasure(PersonalData data, AuditLog audit, DynamoDbClient dynamo, Clock clock) {
        this.data = data;
        this.audit = audit;
        this.dynamo = dynamo;
        this.clock = clock;
    }

    public static Counts count(PersonalData.Holdings holdings) {
        int logEntries = 0;
        int emails = 0;
        int pending = 0;
        for (PersonalData.Record record : all(holdings)) {
            logEntries += record.log().size();
            emails += record.outbox().size();
            pending += (int) record.outbox().stream().filter(Erasure::isPending).count();
        }
        return new Counts(holdings.applications().size(), holdings.interestForms().size(), logEntries, emails, pending);
    }

    private static List<PersonalData.Record> all(PersonalData.Holdings holdings) {
        List<PersonalData.Record> all = new java.util.ArrayList<>(holdings.applications());
        all.addAll(holdings.interestForms());
        return all;
    }

    private static boolean isPending(Map<String, AttributeValue> email) {
        return email.containsKey("state") && OutboxItem.PENDING.equals(email.get("state").s());
    }

    public Counts erase(String email, StaffIdentity staff) {
        PersonalData.Holdings found = data.find(email);
        int logEntries = 0;
        int emails = 0;
        int cancelled = 0;
        Set<Counters.Key> duplicateKeys = new LinkedHashSet<>();
        for (PersonalData.Record application : found.applications()) {
            Counts done = eraseApplication(application, duplicateKeys);
            logEntries += done.logEntries();
            emails += done.emails();
            cancelled += done.pendingEmailsCancelled();
        }
        duplicateKeys.forEach(this::deleteWhenNone);
        for (PersonalData.Record form : found.interestForms()) {
            int stripped = eraseInterestForm(form);
            emails += form.outbox().size();
            cancelled += stripped;
        }
        Counts counts = new Counts(found.applications().size(), found.interestForms().size(), logEntries, emails, cancelled);
        audit.record(staff, "erasure", null, counts.asDetail());
        return counts;
    }

    /** Erases one interest form and its emails, reading them again when a sender claimed one meanwhile. */
    private int eraseInterestForm(PersonalData.Record first) {
        PersonalData.Record form = first;
        for (int attempt = 1; ; attempt++) {
            WriteTransaction transaction = new WriteTransaction(dynamo);
            transaction.update("interest form", data.interest, key("id", form.id()),
                    "SET #erased = :now REMOVE #name, #email, #org, #city, #zip, #notes", null,
                    Map.of("#erased", "erasedAt", "#name", "name", "#email", "email", "#org", "organization", "#city", "city",
                            "#zip", "zip", "#notes", "notes"), Map.of(":now", AttributeValue.fromS(now())));
            int cancelled = stripEmails(transaction, form.outbox());
            try {
                transaction.commit();
                return cancelled;
            } catch (WriteTransaction.ConditionFailed sending) {
                if (attempt >= ATTEMPTS) {
                    throw new Problem(409, "erasure-conflict", "Conflict", "An email of an interest form kept being sent "
                            + "during the erasure; that form was not erased. Send the erasure again.", List.of());
                }
                form = data.interestForm(form.id()).orElseThrow();
            }
        }
    }

    /** Erases one application, reading it again when a decision moved it between read and write. */
    private Counts eraseApplication(PersonalData.Record first, Set<Counters.Key> duplicateKeys) {
        PersonalData.Record record = first;
        for (int attempt = 1; ; attempt++) {
            WriteTransaction transaction = new WriteTransaction(dynamo);
            transaction.update("application", data.applications, key("id", record.id()),
                    "SET #cn = :t, #on = :t, #p = :p, #erased = :now, #v = :next REMOVE #ce, #search, #ek, #ok",
                    "#v = :v", Map.of("#cn", "contactName", "#on", "organizationName", "#p", "payload", "#erased", "erasedAt",
                            "#v", "version", "#ce", "contactEmail", "#search", "search", "#ek", "emailKey", "#ok", "orgKey"), Map.of(":t", AttributeValue.fromS(TOMBSTONE),
                            ":p", AttributeValue.fromS(statistics(record.item())), ":now", AttributeValue.fromS(now()),
                            ":v", AttributeValue.fromN(Long.toString(record.version())),
                            ":next", AttributeValue.fromN(Long.toString(record.version() + 1))));
            int cancelled = stripEmails(transaction, record.outbox());
            List<Counters.Key> keys = duplicateKeys(record.item());
            keys.forEach(k -> transaction.count(data.counters, k.scope(), k.key(), -1, Map.of()));
            List<Map<String, AttributeValue>> entries = record.log();
            int inFirst = Math.max(0, Math.min(entries.size(), MAX_WRITES - 1 - keys.size() - record.outbox().size()));
            entries.subList(0, inFirst).forEach(entry -> stripLogEntry(transaction, entry));
            try {
                transaction.commit();
            } catch (WriteTransaction.ConditionFailed moved) {
                if (attempt >= ATTEMPTS) {
                    throw new Problem(409, "erasure-conflict", "Conflict", "The application kept changing during the "
                            + "erasure; nothing of it was erased. Send the erasure again.", List.of());
                }
                record = data.application(record.id()).orElseThrow();
                continue;
            }
            duplicateKeys.addAll(keys);
            for (int i = inFirst; i < entries.size(); i += MAX_WRITES) {
                WriteTransaction rest = new WriteTransaction(dynamo);
                entries.subList(i, Math.min(entries.size(), i + MAX_WRITES)).forEach(entry -> stripLogEntry(rest, entry));
                rest.commit();
            }
            return new Counts(1, 0, entries.size(), record.outbox().size(), cancelled);
        }
    }

    /** The duplicate-key counters an application counts in (none once erased: its keys are removed). */
    private static List<Counters.Key> duplicateKeys(Map<String, AttributeValue> item) {
        List<Counters.Key> keys = new ArrayList<>();
        if (item.containsKey("emailKey")) {
            keys.add(new Counters.Key(DuplicateKeys.EMAIL_SCOPE, item.get("emailKey").s()));
        }
        if (item.containsKey("orgKey")) {
            keys.add(new Counters.Key(DuplicateKeys.ORG_SCOPE, item.get("orgKey").s()));
        }
        return keys;
    }

    /** Deletes a duplicate-key counter that counts no application any more; one a new application counts stays. */
    private void deleteWhenNone(Counters.Key counter) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(data.counters)
                    .key(Map.of("scope", AttributeValue.fromS(counter.scope()), "key", AttributeValue.fromS(counter.key())))
                    .conditionExpression("#n <= :zero").expressionAttributeNames(Map.of("#n", "n"))
                    .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))).build());
        } catch (ConditionalCheckFailedException stillCounting) {
            // Another application with this address or organization arrived meanwhile: it keeps its count.
        }
    }

    /** Status entries keep status, staff, time and version; the internal note and reviewer notes' text go. */
    private void stripLogEntry(WriteTransaction transaction, Map<String, AttributeValue> entry) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("applicationId", entry.get("applicationId"));
        key.put("entryId", entry.get("entryId"));
        boolean note = entry.containsKey("text");
        transaction.update("log entry", data.log, key, note ? "SET #text = :t" : "REMOVE #note", null,
                note ? Map.of("#text", "text") : Map.of("#note", "note"), note ? Map.of(":t", AttributeValue.fromS(TOMBSTONE)) : Map.of());
    }

    /** Removes each email's recipient and values; a pending one is cancelled, on the condition it is still pending. */
    private int stripEmails(WriteTransaction transaction, List<Map<String, AttributeValue>> emails) {
        int cancelled = 0;
        for (Map<String, AttributeValue> email : emails) {
            Map<String, AttributeValue> key = key("outboxId", email.get("outboxId").s());
            if (isPending(email)) {
                cancelled++;
                transaction.update("email", data.outbox, key, "SET #s = :cancelled REMOVE #r, #d",
                        "#s = :pending", Map.of("#s", "state", "#r", "recipient", "#d", "data"),
                        Map.of(":cancelled", AttributeValue.fromS(OutboxItem.CANCELLED), ":pending", AttributeValue.fromS(OutboxItem.PENDING)));
            } else {
                transaction.update("email", data.outbox, key, "REMOVE #r, #d", "attribute_exists(outboxId)",
                        Map.of("#r", "recipient", "#d", "data"), Map.of());
            }
        }
        return cancelled;
    }

    /** What an erased application keeps of its form: the fields statistics count by, nothing that names anyone. */
    static String statistics(Map<String, AttributeValue> item) {
        ObjectNode kept = Json.object();
        kept.put("erased", true);
        AttributeValue payload = item.get("payload");
        if (payload != null) {
            JsonNode form = Json.read(payload.s());
            copy(form, kept, "regionId");
            copy(form, kept, "programs");
            copy(form, kept, "facilitators");
            JsonNode org = form.path("organization");
            ObjectNode keptOrg = kept.putObject("organization");
            copy(org, keptOrg, "type");
            if (org.path("address").has("state")) {
                keptOrg.putObject("address").set("state", org.path("address").get("state"));
            }
        }
        return Json.write(kept);
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    private static Map<String, AttributeValue> key(String name, String value) {
        return Map.of(name, AttributeValue.fromS(value));
    }

    private String now() {
        return Timestamps.format(Timestamps.truncate(clock.instant()));
    }
}
