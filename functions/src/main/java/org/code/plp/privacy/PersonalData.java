package org.code.plp.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.code.plp.applicant.DraftItem;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.DuplicateKeys;
import org.code.plp.interest.InterestItem;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Platform;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Finds everything held about an email address, by Query only: the contact-email indexes (keys only) of the
 * applications and interest tables (keys only), then each record by its key, its log partition,
 * and its outbox items by their deterministic ids ({@code <sourceId>#<type>[#v<version>]}), so the
 * outbox needs no index of its own. Drafts by the keys-only {@code byEmail} index of their table.
 * The Idempotency-Key record of a submission is reached by the key stored on the record it created.
 */
public final class PersonalData {

    /** One application or interest form with what hangs off it. */
    public record Record(Map<String, AttributeValue> item, List<Map<String, AttributeValue>> log,
                         List<Map<String, AttributeValue>> outbox) {
        public String id() {
            return (item.containsKey("id") ? item.get("id") : item.get("draftId")).s();
        }

        public long version() {
            AttributeValue version = item.get("version");
            return version == null ? 0 : Long.parseLong(version.n());
        }
    }

    /**
     * {@code drafts}: saved, unfinished applications (their emails in {@link Record#outbox()}, no log);
     * {@code otherEmails}: emails to the address that hang off none of those by key (a status link sent again, a new
     * address's confirmation), found by the outbox's {@code byRecipient} index.
     */
    public record Holdings(List<Record> applications, List<Record> interestForms, List<Record> drafts,
                           List<Map<String, AttributeValue>> otherEmails) {
        public boolean isEmpty() {
            return applications.isEmpty() && interestForms.isEmpty() && drafts.isEmpty() && otherEmails.isEmpty();
        }
    }

    private final DynamoDbClient dynamo;
    final String applications;
    final String interest;
    final String log;
    final String outbox;
    final String counters;
    final String drafts;
    final String idempotency;
    final String rateLimits;

    public PersonalData(Platform platform) {
        this.dynamo = platform.dynamo();
        this.applications = platform.table("APPLICATIONS_TABLE");
        this.interest = platform.table("INTEREST_TABLE");
        this.log = platform.table("APPLICATION_LOG_TABLE");
        this.outbox = platform.table("OUTBOX_TABLE");
        this.counters = platform.table("COUNTERS_TABLE");
        this.drafts = platform.table("DRAFTS_TABLE");
        this.idempotency = platform.table("IDEMPOTENCY_TABLE");
        this.rateLimits = platform.table("RATE_LIMITS_TABLE");
    }

    /**
     * The address as the forms store it (domain lower-cased, local part as typed) and all lower
     * case, so a request typed in another case of the domain or in lower case still finds it.
     */
    public static Set<String> variants(String email) {
        String trimmed = email.strip();
        int at = trimmed.lastIndexOf('@');
        Set<String> variants = new LinkedHashSet<>();
        variants.add(trimmed.substring(0, at) + trimmed.substring(at).toLowerCase(Locale.ROOT));
        variants.add(trimmed.toLowerCase(Locale.ROOT));
        return variants;
    }

    public Holdings find(String email) {
        List<Record> apps = new ArrayList<>();
        Set<String> appIds = idsByEmail(applications, ApplicationItem.BY_CONTACT_EMAIL, "contactEmail", email);
        // The folded duplicate key also finds the address typed in any other case; it folds accents too, so
        // only an application whose address is this one but for case is taken.
        appIds.addAll(ids(applications, ApplicationItem.BY_EMAIL_KEY, "emailKey", "id", Set.of(DuplicateKeys.emailKey(email))));
        for (String id : appIds) {
            application(id).filter(found -> sameAddress(found.item().get("contactEmail"), email)).ifPresent(apps::add);
        }
        List<Record> forms = new ArrayList<>();
        for (String id : idsByEmail(interest, InterestItem.BY_EMAIL, "email", email)) {
            interestForm(id).ifPresent(forms::add);
        }
        List<Record> saved = new ArrayList<>();
        for (String id : idsByEmail(drafts, DraftItem.BY_EMAIL, "email", "draftId", email)) {
            Map<String, AttributeValue> draft = get(drafts, "draftId", id);
            if (draft != null) {
                saved.add(new Record(draft, List.of(), outboxOf(id, 0)));
            }
        }
        Set<String> attached = new java.util.HashSet<>();
        for (List<Record> records : List.of(apps, forms, saved)) {
            records.forEach(record -> record.outbox().forEach(sent -> attached.add(sent.get("outboxId").s())));
        }
        List<Map<String, AttributeValue>> other = new ArrayList<>();
        for (String id : idsByEmail(outbox, OutboxItem.BY_RECIPIENT, "recipient", "outboxId", email)) {
            Map<String, AttributeValue> sent = attached.contains(id) ? null : get(outbox, "outboxId", id);
            if (sent != null) {
                other.add(sent);
            }
        }
        return new Holdings(apps, forms, saved, other);
    }

    /** One application read afresh (consistent) with its log and emails. */
    public java.util.Optional<Record> application(String id) {
        Map<String, AttributeValue> item = get(applications, id);
        if (item == null) {
            return java.util.Optional.empty();
        }
        long version = item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 1;
        return java.util.Optional.of(new Record(item, logOf(id), outboxOf(id, version)));
    }

    /** One email read afresh (consistent). */
    public java.util.Optional<Map<String, AttributeValue>> email(String outboxId) {
        return java.util.Optional.ofNullable(get(outbox, "outboxId", outboxId));
    }

    /** One interest form read afresh (consistent) with its emails. */
    public java.util.Optional<Record> interestForm(String id) {
        Map<String, AttributeValue> item = get(interest, id);
        return item == null ? java.util.Optional.empty() : java.util.Optional.of(new Record(item, List.of(), outboxOf(id, 0)));
    }

    private Set<String> idsByEmail(String table, String index, String attribute, String email) {
        return idsByEmail(table, index, attribute, "id", email);
    }

    private static boolean sameAddress(AttributeValue stored, String email) {
        return stored != null && stored.s() != null && stored.s().strip().equalsIgnoreCase(email.strip());
    }

    private Set<String> idsByEmail(String table, String index, String attribute, String keyName, String email) {
        return ids(table, index, attribute, keyName, variants(email));
    }

    private Set<String> ids(String table, String index, String attribute, String keyName, Set<String> values) {
        Set<String> ids = new LinkedHashSet<>();
        for (String variant : values) {
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index)
                        .keyConditionExpression("#e = :e")
                        .expressionAttributeNames(Map.of("#e", attribute))
                        .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(variant)));
                if (start != null) {
                    query.exclusiveStartKey(start);
                }
                QueryResponse response = dynamo.query(query.build());
                response.items().forEach(item -> ids.add(item.get(keyName).s()));
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return ids;
    }

    private Map<String, AttributeValue> get(String table, String id) {
        return get(table, "id", id);
    }

    private Map<String, AttributeValue> get(String table, String keyName, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of(keyName, AttributeValue.fromS(id))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private List<Map<String, AttributeValue>> logOf(String applicationId) {
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(log).consistentRead(true)
                    .keyConditionExpression("applicationId = :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(applicationId)));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            entries.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return entries;
    }

    /** Every outbox item that can exist for {@code sourceId} by key ({@link OutboxItem#possibleIds}). */
    private List<Map<String, AttributeValue>> outboxOf(String sourceId, long version) {
        List<Map<String, AttributeValue>> keys = OutboxItem.possibleIds(sourceId, version).stream()
                .map(id -> Map.of("outboxId", AttributeValue.fromS(id))).toList();
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 100) {
            Map<String, KeysAndAttributes> request = new HashMap<>();
            request.put(outbox, KeysAndAttributes.builder().keys(keys.subList(i, Math.min(keys.size(), i + 100)))
                    .consistentRead(true).build());
            while (!request.isEmpty()) {
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
                found.addAll(response.responses().getOrDefault(outbox, List.of()));
                request.clear();
                request.putAll(response.unprocessedKeys());
            }
        }
        return found;
    }
}
