package org.code.plp.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.applicant.LinkRequests;
import org.code.plp.applicant.RateLimiter;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.DuplicateKeys;
import org.code.plp.applicant.AccessTokens;
import org.code.plp.audit.AuditLog;
import org.code.plp.counters.Counters;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.idempotency.IdempotencyKeys;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Json;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Erasure on request: every personal field of what {@link PersonalData} finds for an address is
 * removed or replaced by {@value #TOMBSTONE}; what statistics need stays (region, status, state,
 * organization type, programs, dates, version), and the status counters are not touched, since no
 * record goes away (only the possible-duplicate counters, whose keys name the address). An application, its log entries and its emails change in one transaction conditioned
 * on the version read, so a decision racing the erasure either lands first (the erasure then reads
 * again and also strips the decision's email) or fails its own version check (409): nothing
 * personal is queued after an erasure. Pending emails are cancelled (state {@value OutboxItem#CANCELLED}),
 * so neither the stream sender nor the redrive sends them.
 */
public record Erasure(PersonalData data, AuditLog audit, AccessTokens tokens, DynamoDbClient dynamo, Clock clock) {
    public static final String TOMBSTONE = "[erased]";
    private static final int ATTEMPTS = 5;
    private static final int MAX_WRITES = 100;
    private static final Duration RATE_LIMIT_LAG = Duration.ofDays(3);

    /** What was (or would be) erased, as counts; never the data itself. */
    public record Counts(int applications, int interestForms, int drafts, int logEntries, int emails, int pendingEmailsCancelled) {
        /** The audit entry's detail; stored as a DynamoDB map, so in no order. */
        public Map<String, String> asDetail() {
            return Map.of("applications", Integer.toString(applications), "interestForms", Integer.toString(interestForms),
                    "drafts", Integer.toString(drafts), "logEntries", Integer.toString(logEntries), "emails", Integer.toString(emails),
                    "pendingEmailsCancelled", Integer.toString(pendingEmailsCancelled));
        }
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
        emails += holdings.otherEmails().size();
        pending += (int) holdings.otherEmails().stream().filter(Erasure::isPending).count();
        return new Counts(holdings.applications().size(), holdings.interestForms().size(), holdings.drafts().size(),
                logEntries, emails, pending);
    }

    private static List<PersonalData.Record> all(PersonalData.Holdings holdings) {
        List<PersonalData.Record> all = new java.util.ArrayList<>(holdings.applications());
        all.addAll(holdings.interestForms());
        all.addAll(holdings.drafts());
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
        for (PersonalData.Record application : found.applications()) {
            Counts done = eraseApplication(application);
            logEntries += done.logEntries();
            emails += done.emails();
            cancelled += done.pendingEmailsCancelled();
        }
        for (PersonalData.Record form : found.interestForms()) {
            int stripped = eraseInterestForm(form);
            emails += form.outbox().size();
            cancelled += stripped;
        }
        for (PersonalData.Record draft : found.drafts()) {
            WriteTransaction transaction = new WriteTransaction(dynamo);
            transaction.delete("draft", data.drafts, key("draftId", draft.id()), null);
            cancelled += stripEmails(transaction, draft.outbox());
            emails += draft.outbox().size();
            transaction.commit();
        }
        for (Map<String, AttributeValue> sent : found.otherEmails()) {
            cancelled += stripEmail(sent);
        }
        emails += found.otherEmails().size();
        for (PersonalData.Record record : found.applications()) {
            forgetRequest(record.item());
        }
        for (PersonalData.Record record : found.interestForms()) {
            forgetRequest(record.item());
        }
        // Status, resume and email-change links: an email change's token holds the new address.
        for (PersonalData.Record record : found.applications()) {
            tokens.forgetAll(record.id());
        }
        for (PersonalData.Record draft : found.drafts()) {
            tokens.forgetAll(draft.id());
        }
        forgetRateLimits(email);
        Counts counts = new Counts(found.applications().size(), found.interestForms().size(), found.drafts().size(),
                logEntries, emails, cancelled);
        audit.record(staff, "erasure", null, counts.asDetail());
        return counts;
    }

    /** Erases one interest form and its emails, reading them again when a sender claimed one meanwhile. */
    private int eraseInterestForm(PersonalData.Record first) {
        PersonalData.Record form = first;
        for (int attempt = 1; ; attempt++) {
            WriteTransaction transaction = new WriteTransaction(dynamo);
            // The city's counter key stays (the counters table holds it anyway), so expiry can count the form out.
            AttributeValue state = form.item().get("state");
            AttributeValue city = form.item().get("city");
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":now", AttributeValue.fromS(now())));
            if (state != null && city != null) {
                values.put(":cityKey", AttributeValue.fromS(Counters.interestCityKey(state.s(), city.s())));
            }
            transaction.update("interest form", data.interest, key("id", form.id()),
                    "SET #erased = :now" + (values.containsKey(":cityKey") ? ", cityKey = :cityKey" : "")
                            + " REMOVE #name, #email, #org, #city, #zip, #notes", null,
                    Map.of("#erased", "erasedAt", "#name", "name", "#email", "email", "#org", "organization", "#city", "city",
                            "#zip", "zip", "#notes", "notes"), values);
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
    private Counts eraseApplication(PersonalData.Record first) {
        PersonalData.Record record = first;
        for (int attempt = 1; ; attempt++) {
            WriteTransaction transaction = new WriteTransaction(dynamo);
            transaction.update("application", data.applications, key("id", record.id()),
                    "SET #cn = :t, #on = :t, #p = :p, #erased = :now, #v = :next REMOVE #ce, #search, #ek, #ok",
                    "#v = :v", Map.ofEntries(Map.entry("#cn", "contactName"), Map.entry("#on", "organizationName"),
                            Map.entry("#p", "payload"), Map.entry("#erased", "erasedAt"), Map.entry("#v", "version"),
                            Map.entry("#ce", "contactEmail"), Map.entry("#search", "search"), Map.entry("#ek", "emailKey"),
                            Map.entry("#ok", "orgKey")), Map.of(":t", AttributeValue.fromS(TOMBSTONE),
                            ":p", AttributeValue.fromS(statistics(record.item())), ":now", AttributeValue.fromS(now()),
                            ":v", AttributeValue.fromN(Long.toString(record.version())),
                            ":next", AttributeValue.fromN(Long.toString(record.version() + 1))));
            int cancelled = stripEmails(transaction, record.outbox());
            int duplicateKeys = forgetDuplicateKeys(transaction, record.item());
            List<Map<String, AttributeValue>> entries = record.log();
            int inFirst = Math.max(0, Math.min(entries.size(), MAX_WRITES - 1 - duplicateKeys - record.outbox().size()));
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
            for (int i = inFirst; i < entries.size(); i += MAX_WRITES) {
                WriteTransaction rest = new WriteTransaction(dynamo);
                entries.subList(i, Math.min(entries.size(), i + MAX_WRITES)).forEach(entry -> stripLogEntry(rest, entry));
                rest.commit();
            }
            return new Counts(1, 0, 0, entries.size(), record.outbox().size(), cancelled);
        }
    }

    /**
     * The possible-duplicate counters name the address (its key is the folded email): that counter goes;
     * the organization's counter (region and folded name) counts one application fewer.
     */
    private int forgetDuplicateKeys(WriteTransaction transaction, Map<String, AttributeValue> application) {
        int writes = 0;
        AttributeValue emailKey = application.get("emailKey");
        if (emailKey != null) {
            transaction.delete("duplicate email", data.counters, counterKey(DuplicateKeys.EMAIL_SCOPE, emailKey.s()), null);
            writes++;
        }
        AttributeValue orgKey = application.get("orgKey");
        if (orgKey != null) {
            transaction.count(data.counters, DuplicateKeys.ORG_SCOPE, orgKey.s(), -1, Map.of());
            writes++;
        }
        return writes;
    }

    /** One email on its own; one a sender claimed meanwhile (no longer pending) is read again and stripped as sent. */
    private int stripEmail(Map<String, AttributeValue> email) {
        for (int attempt = 1; ; attempt++) {
            WriteTransaction transaction = new WriteTransaction(dynamo);
            int cancelled = stripEmails(transaction, List.of(email));
            try {
                transaction.commit();
                return cancelled;
            } catch (WriteTransaction.ConditionFailed claimed) {
                email = data.email(email.get("outboxId").s()).orElse(null);
                if (email == null || attempt >= ATTEMPTS) {
                    return 0;
                }
            }
        }
    }

    /**
     * The submission's Idempotency-Key record keeps the first answer (ids and time) but not the hash of the body,
     * which was full of personal data; a retry with that key still gets the first answer. Gone already (7-day TTL): nothing to do.
     */
    private void forgetRequest(Map<String, AttributeValue> record) {
        AttributeValue claim = record.get("idempotencyKey");
        if (claim == null) {
            return;
        }
        try {
            dynamo.updateItem(r -> r.tableName(data.idempotency).key(key("idempotencyKey", claim.s()))
                    .updateExpression("SET requestHash = :erased").conditionExpression("attribute_exists(idempotencyKey)")
                    .expressionAttributeValues(Map.of(":erased", AttributeValue.fromS(IdempotencyKeys.ERASED_HASH))));
        } catch (ConditionalCheckFailedException expired) {
            // nothing held
        }
    }

    /** The "email me my link" counters are keyed by a hash of the address: deleted by key, every window that may remain. */
    private void forgetRateLimits(String email) {
        List<WriteRequest> deletes = new java.util.ArrayList<>();
        for (String variant : PersonalData.variants(email)) {
            for (String bucket : RateLimiter.recentBuckets(LinkRequests.PER_ADDRESS, variant, clock.instant().getEpochSecond(), RATE_LIMIT_LAG)) {
                deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key("bucket", bucket))).build());
            }
        }
        for (int i = 0; i < deletes.size(); i += 25) {
            Map<String, List<WriteRequest>> batch = Map.of(data.rateLimits, deletes.subList(i, Math.min(deletes.size(), i + 25)));
            while (!batch.isEmpty()) {
                BatchWriteItemResponse response = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(batch).build());
                batch = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    private static Map<String, AttributeValue> counterKey(String scope, String key) {
        return Map.of("scope", AttributeValue.fromS(scope), "key", AttributeValue.fromS(key));
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
        AttributeValue payload = item.get("payload");
        return Json.write(payload == null ? new ErasedForm(true, null, null, null, null)
                : ErasedForm.of(Json.read(payload.s(), ApplicationForm.class)));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErasedForm(boolean erased, String regionId, List<String> programs, String facilitators, KeptOrganization organization) {
        static ErasedForm of(ApplicationForm form) {
            ApplicationForm.Organization org = form.organization();
            KeptOrganization kept = org == null ? null : new KeptOrganization(org.type(),
                    org.address() == null || org.address().state() == null ? null : new KeptAddress(org.address().state()));
            return new ErasedForm(true, form.regionId(), form.programs(), form.facilitators(), kept);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeptOrganization(String type, KeptAddress address) {
    }

    record KeptAddress(String state) {
    }

    private static Map<String, AttributeValue> key(String name, String value) {
        return Map.of(name, AttributeValue.fromS(value));
    }

    private String now() {
        return Timestamps.format(Timestamps.truncate(clock.instant()));
    }
}
