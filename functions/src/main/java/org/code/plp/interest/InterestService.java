package org.code.plp.interest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.code.plp.counters.Counters;
import org.code.plp.http.Created;
import org.code.plp.idempotency.IdempotencyKeys;
import org.code.plp.idempotency.Intake;
import org.code.plp.outbox.EmailType;
import org.code.plp.platform.Json;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionMatcher;
import org.code.plp.regions.RegionRepository;

/**
 * Taking in an interest form: validate, match it to a region, then store it with its counters
 * (by state and by city, for deciding where to open pins) and its two emails in one transaction.
 */
public record InterestService(RegionRepository regions, InterestRepository interest, Counters counters, Intake intake) {
    /** A submission the honeypot caught: the usual answer, nothing stored, nothing sent. */
    public Created ignore() {
        return answer(intake.begin(Optional.empty()).id(), null);
    }

    public Created submit(InterestForm form, Optional<IdempotencyKeys.Claim> claim) {
        Intake.Submission submission = intake.begin(claim);
        String id = submission.id();
        String city = form.city();
        String state = form.state();
        Optional<RegionItem> region = RegionMatcher.match(regions.listAll(), city, state, form.zip());

        InterestItem item = toItem(id, form, region, submission.now());
        item.setIdempotencyKey(submission.claimKey());
        WriteTransaction transaction = submission.transaction();
        interest.create(transaction, item);
        if (state != null) {
            counters.add(transaction, Counters.INTEREST_BY_STATE, state, 1);
            if (city != null) {
                counters.add(transaction, Counters.INTEREST_BY_CITY, Counters.interestCityKey(state, city), 1,
                        Map.of("city", city, "state", state));
            }
        }
        Map<String, String> mail = mailData(item, region);
        intake.email(submission, EmailType.INTEREST_RECEIPT, item.getEmail(), mail);
        intake.email(submission, EmailType.INTEREST_STAFF, null, mail);
        return intake.commit(submission, answer(id, region.map(RegionItem::getRegionId).orElse(null)));
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
