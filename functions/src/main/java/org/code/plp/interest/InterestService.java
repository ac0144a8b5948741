package org.code.plp.interest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.code.plp.counters.Counters;
import org.code.plp.http.Created;
import org.code.plp.idempotency.IdempotencyKeys;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Json;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionMatcher;
import org.code.plp.regions.RegionRepository;
import org.code.plp.validation.Honeypot;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Taking in an interest form: validate, match it to a region, then store it with its counters
 * (by state and by city, for deciding where to open pins) and its two emails in one transaction.
 */
public class InterestService {
    private final InterestValidator validator;
    private final RegionRepository regions;
    private final DynamoDbTable<InterestItem> table;
    private final Counters counters;
    private final OutboxRepository outbox;
    private final IdempotencyKeys idempotency;
    private final DynamoDbClient dynamo;
    private final Clock clock;

    public InterestService(InterestValidator validator, RegionRepository regions, DynamoDbTable<InterestItem> table,
                           Counters counters, OutboxRepository outbox, IdempotencyKeys idempotency,
                           DynamoDbClient dynamo, Clock clock) {
        this.validator = validator;
        this.regions = regions;
        this.table = table;
        this.counters = counters;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.dynamo = dynamo;
        this.clock = clock;
    }

    public Created submit(ObjectNode body, Optional<IdempotencyKeys.Claim> claim) {
        Instant now = Timestamps.truncate(clock.instant());
        String id = UUID.randomUUID().toString();
        if (Honeypot.isFilled(body)) {
            return answer(id, null);
        }
        ObjectNode form = validator.validate(body);
        String city = text(form, "city");
        String state = text(form, "state");
        Optional<RegionItem> region = RegionMatcher.match(regions.listAll(), city, state, text(form, "zip"));

        InterestItem item = toItem(id, form, region, now);
        WriteTransaction transaction = new WriteTransaction(dynamo);
        transaction.create("interest", table.tableName(), InterestItem.SCHEMA, item, "id");
        if (state != null) {
            counters.add(transaction, Counters.INTEREST_BY_STATE, state, 1);
            if (city != null) {
                counters.add(transaction, Counters.INTEREST_BY_CITY, state + "#" + city.toLowerCase(Locale.ROOT), 1,
                        Map.of("city", city, "state", state));
            }
        }
        Map<String, String> mail = mailData(item, region);
        outbox.queue(transaction, OutboxItem.pending(EmailType.INTEREST_RECEIPT, id, null, item.getEmail(), mail, now));
        outbox.queue(transaction, OutboxItem.pending(EmailType.INTEREST_STAFF, id, null, null, mail, now));
        return idempotency.commit(transaction, claim, answer(id, region.map(RegionItem::getRegionId).orElse(null)), now);
    }

    private static InterestItem toItem(String id, ObjectNode form, Optional<RegionItem> region, Instant now) {
        InterestItem item = new InterestItem();
        item.setId(id);
        item.setSubmittedAt(Timestamps.format(now));
        item.setState(Optional.ofNullable(text(form, "state")).orElse(InterestItem.NONE));
        item.setMatchedRegionId(region.map(RegionItem::getRegionId).orElse(null));
        item.setRegionKey(region.map(RegionItem::getRegionId).orElse(InterestItem.NONE));
        item.setName(text(form, "name"));
        item.setEmail(text(form, "email"));
        item.setOrganization(text(form, "organization"));
        item.setRole(text(form, "role"));
        item.setCity(text(form, "city"));
        item.setZip(text(form, "zip"));
        List<String> grades = new ArrayList<>();
        form.get("gradeLevels").forEach(g -> grades.add(g.textValue()));
        item.setGradeLevels(grades);
        item.setNotes(text(form, "notes"));
        JsonNode recruit = form.get("willingToRecruitDistricts");
        item.setWillingToRecruitDistricts(recruit == null ? null : recruit.booleanValue());
        return item;
    }

    private static Map<String, String> mailData(InterestItem item, Optional<RegionItem> region) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("interestId", item.getId());
        data.put("email", item.getEmail());
        data.put("role", item.getRole());
        data.put("zip", item.getZip());
        putIfPresent(data, "name", item.getName());
        putIfPresent(data, "organization", item.getOrganization());
        putIfPresent(data, "city", item.getCity());
        putIfPresent(data, "state", item.getState().equals(InterestItem.NONE) ? null : item.getState());
        region.ifPresent(r -> {
            data.put("regionId", r.getRegionId());
            data.put("regionName", r.getName());
        });
        return data;
    }

    private static void putIfPresent(Map<String, String> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
        }
    }

    private static String text(ObjectNode form, String field) {
        JsonNode node = form.get(field);
        return node == null || node.isNull() ? null : node.textValue();
    }

    private static Created answer(String id, String matchedRegionId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("matchedRegionId", matchedRegionId);
        return new Created(Json.write(body), null);
    }
}
