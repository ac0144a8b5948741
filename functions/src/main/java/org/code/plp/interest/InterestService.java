package org.code.plp.interest;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Taking in an interest form: validate, match it to a region, then store it with its counters
 * (by state and by city, for deciding where to open pins) and its two emails in one transaction.
 */
public class InterestService {
    private final RegionRepository regions;
    private final InterestRepository interest;
    private final Counters counters;
    private final OutboxRepository outbox;
    private final IdempotencyKeys idempotency;
    private final DynamoDbClient dynamo;
    private final Clock clock;

    public InterestService(RegionRepository regions, InterestRepository interest,
                           Counters counters, OutboxRepository outbox, IdempotencyKeys idempotency,
                           DynamoDbClient dynamo, Clock clock) {
        this.regions = regions;
        this.interest = interest;
        this.counters = counters;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.dynamo = dynamo;
        this.clock = clock;
    }

    /** A submission the honeypot caught: the usual answer, nothing stored, nothing sent. */
    public Created ignore() {
        return answer(UUID.randomUUID().toString(), null);
    }

    public Created submit(InterestForm form, Optional<IdempotencyKeys.Claim> claim) {
        Instant now = Timestamps.truncate(clock.instant());
        String id = UUID.randomUUID().toString();
        String city = form.city();
        String state = form.state();
        Optional<RegionItem> region = RegionMatcher.match(regions.listAll(), city, state, form.zip());

        InterestItem item = toItem(id, form, region, now);
        claim.ifPresent(c -> item.setIdempotencyKey(c.key()));
        WriteTransaction transaction = new WriteTransaction(dynamo);
        interest.create(transaction, item);
        if (state != null) {
            counters.add(transaction, Counters.INTEREST_BY_STATE, state, 1);
            if (city != null) {
                counters.add(transaction, Counters.INTEREST_BY_CITY, Counters.interestCityKey(state, city), 1,
                        Map.of("city", city, "state", state));
            }
        }
        Map<String, String> mail = mailData(item, region);
        outbox.queue(transaction, OutboxItem.pending(EmailType.INTEREST_RECEIPT, id, null, item.getEmail(), mail, now));
        outbox.queue(transaction, OutboxItem.pending(EmailType.INTEREST_STAFF, id, null, null, mail, now));
        return idempotency.commit(transaction, claim, answer(id, region.map(RegionItem::getRegionId).orElse(null)), now);
    }

    private static InterestItem toItem(String id, InterestForm form, Optional<RegionItem> region, Instant now) {
        InterestItem item = new InterestItem();
        item.setId(id);
        item.setSubmittedAt(Timestamps.format(now));
        item.setState(Optional.ofNullable(form.state()).orElse(InterestItem.NONE));
        item.setMatchedRegionId(region.map(RegionItem::getRegionId).orElse(null));
        item.setRegionKey(region.map(RegionItem::getRegionId).orElse(InterestItem.NONE));
        item.setName(form.name());
        item.setEmail(form.email());
        item.setOrganization(form.organization());
        item.setRole(form.role());
        item.setCity(form.city());
        item.setZip(form.zip());
        item.setGradeLevels(form.gradeLevels());
        item.setNotes(form.notes());
        item.setWillingToRecruitDistricts(form.willingToRecruitDistricts());
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

    /** The 201 body of a submission: the region the form was matched to, if any. */
    public record Receipt(String id, String matchedRegionId) {
    }

    private static Created answer(String id, String matchedRegionId) {
        return new Created(Json.write(new Receipt(id, matchedRegionId)), null);
    }
}
