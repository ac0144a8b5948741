package org.code.plp.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.interest.InterestItem;
import org.code.plp.outbox.EmailType;
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
 * outbox needs no index of its own. Idempotency records hold no personal field (a hash of the body
 * and the 201 answer: id, status, time) and expire after 7 days, so they are not searched.
 */
public final class PersonalData {

    /** One application or interest form with what hangs off it. */
    public record Record(Map<String, AttributeValue> item, List<Map<String, AttributeValue>> log,
                         List<Map<String, AttributeValue>> outbox) {
        public String id() {
            return item.get("id").s();
        }

        public long version() {
            AttributeValue version = item.get("version");
            return version == null ? 0 : Long.parseLong(version.n());
        }
    }

    public record Holdings(List<Record> applications, List<Record> interestForms) {
        public boolean isEmpty() {
            return applications.isEmpty() && interestForms.isEmpty();
        }
    }

    private final DynamoDbClient dynamo;
    final String applications;
    final String interest;
    final String log;
    final String outbox;
    final String counters;

    public PersonalData(Platform platform) {
        this.dynamo = platform.dynamo();
        this.applications = platform.table("APPLICATIONS_TABLE");
        this.interest = platform.table("INTEREST_TABLE");
        this.log = platform.table("APPLICATION_LOG_TABLE");
        this.outbox = platform.table("OUTBOX_TABLE");
        this.counters = platform.table("COUNTERS_TABLE");
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
        for (String id : idsByEmail(applications, ApplicationItem.BY_CONTACT_EMAIL, "contactEmail", email)) {
            application(id).ifPresent(apps::add);
        }
        List<Record> forms = new ArrayList<>();
        for (String id : idsByEmail(interest, InterestItem.BY_EMAIL, "email", email)) {
            interestForm(id).ifPresent(forms::add);
        }
        return new Holdings(apps, forms);
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

    /** One interest form read afresh (consistent) with its emails. */
    public java.util.Optional<Record> interestForm(String id) {
        Map<String, AttributeValue> item = get(interest, id);
        return item == null ? java.util.Optional.empty() : java.util.Optional.of(new Record(item, List.of(), outboxOf(id, 0)));
    }

    private Set<String> idsByEmail(String table, String index, String attribute, String email) {
        Set<String> ids = new LinkedHashSet<>();
        for (String variant : variants(email)) {
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
                response.items().forEach(item -> ids.add(item.get("id").s()));
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return ids;
    }

    private Map<String, AttributeValue> get(String table, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true).build()).item();
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

    /** Every outbox item that can exist for {@code sourceId}: each email type, plain and per version up to {@code version} (+1 for a decision racing the read). */
    private List<Map<String, AttributeValue>> outboxOf(String sourceId, long version) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (EmailType type : EmailType.values()) {
            keys.add(Map.of("outboxId", AttributeValue.fromS(sourceId + "#" + type.id())));
            for (long v = 1; v <= version + 1; v++) {
                keys.add(Map.of("outboxId", AttributeValue.fromS(sourceId + "#" + type.id() + "#v" + v)));
            }
        }
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
