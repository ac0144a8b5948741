package org.code.plp.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.code.plp.applicant.AnswersText;
import org.code.plp.counters.Counters;
import org.code.plp.http.Created;
import org.code.plp.http.Problem;
import org.code.plp.idempotency.IdempotencyKeys;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Json;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;
import org.code.plp.validation.Honeypot;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Taking in an application: validate, check the region takes applications, then store the
 * application, its first status log entry, its counters and its two emails in one transaction
 * before answering.
 */
public class ApplicationService {
    /** Who the first status log entry names: the applicant, by submitting. */
    public static final String APPLICANT = "applicant";

    private final ApplicationValidator validator;
    private final RegionRepository regions;
    private final ApplicationRepository applications;
    private final Counters counters;
    private final OutboxRepository outbox;
    private final IdempotencyKeys idempotency;
    private final ApplicationLog log;
    private final DynamoDbClient dynamo;
    private final Clock clock;

    public ApplicationService(ApplicationValidator validator, RegionRepository regions, ApplicationRepository applications,
                              Counters counters, OutboxRepository outbox, IdempotencyKeys idempotency,
                              ApplicationLog log, DynamoDbClient dynamo, Clock clock) {
        this.validator = validator;
        this.regions = regions;
        this.applications = applications;
        this.counters = counters;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.log = log;
        this.dynamo = dynamo;
        this.clock = clock;
    }

    public Created submit(ObjectNode body, Optional<IdempotencyKeys.Claim> claim) {
        Instant now = Timestamps.truncate(clock.instant());
        String id = UUID.randomUUID().toString();
        if (Honeypot.isFilled(body)) {
            return answer(id, now);
        }
        ObjectNode form = validator.validate(body);
        RegionItem region = openRegion(form.get("regionId").textValue());

        ApplicationItem item = toItem(id, form, region, now);
        WriteTransaction transaction = new WriteTransaction(dynamo);
        applications.create(transaction, item);
        log.status(transaction, id, new ApplicationLog.StatusEntry(ApplicationStatus.UNREVIEWED, APPLICANT, Timestamps.format(now),
                null, item.getVersion()));
        counters.add(transaction, Counters.APPLICATIONS_ALL, ApplicationStatus.UNREVIEWED, 1);
        counters.add(transaction, Counters.applicationsInRegion(item.getRegionKey()), ApplicationStatus.UNREVIEWED, 1);
        DuplicateKeys.count(transaction, counters, item);
        Map<String, String> mail = mailData(id, form, region.getRegionId(), region.getName());
        Map<String, String> confirmation = new LinkedHashMap<>(mail);
        confirmation.put("answers", AnswersText.text(form));
        outbox.queue(transaction, OutboxItem.pending(EmailType.CONFIRMATION, id, null, item.getContactEmail(), confirmation, now));
        outbox.queue(transaction, OutboxItem.pending(EmailType.NEW_APPLICATION, id, null, null, mail, now));
        return idempotency.commit(transaction, claim, answer(id, now), now);
    }

    private RegionItem openRegion(String regionId) {
        RegionItem region = regions.find(regionId).orElseThrow(() -> Problem.field(422, "unknown-region",
                "Unknown region", "regionId", "There is no region '" + regionId + "'. Choose a city from the map."));
        if (!RegionStatus.SEEKING_PARTNER.equals(region.getStatus())) {
            throw Problem.field(422, "region-not-open", "Region not open", "regionId",
                    region.getName() + " is not taking applications now.");
        }
        return region;
    }

    private static ApplicationItem toItem(String id, ObjectNode form, RegionItem region, Instant now) {
        ObjectNode org = (ObjectNode) form.get("organization");
        ObjectNode manager = (ObjectNode) form.get("programManager");
        String contact = manager.get("firstName").textValue() + " " + manager.get("lastName").textValue();
        ApplicationItem item = new ApplicationItem();
        item.setId(id);
        item.setRegionId(region.getRegionId());
        item.setRegionName(region.getName());
        item.setRegionKey(region.getRegionId());
        item.moveTo(ApplicationStatus.UNREVIEWED);
        item.setSubmittedAt(Timestamps.format(now));
        item.setUpdatedAt(Timestamps.format(now));
        item.setVersion(1L);
        item.setOrganizationName(org.get("name").textValue());
        item.setOrganizationType(org.get("type").textValue());
        item.setState(org.get("address").get("state").textValue());
        item.setContactName(contact);
        item.setContactEmail(manager.get("email").textValue());
        item.setSearch(ApplicationItem.searchText(item.getOrganizationName(), contact, item.getContactEmail(),
                org.get("address").get("city").textValue()));
        item.setPayload(Json.write(form));
        item.setScoreKey(ApplicationItem.scoreKey(null, item.getSubmittedAt()));
        DuplicateKeys.set(item);
        return item;
    }

    /** The values every email about an application fills its copy with. */
    public static Map<String, String> mailData(String id, JsonNode form, String regionId, String regionName) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("applicationId", id);
        data.put("firstName", form.get("programManager").get("firstName").textValue());
        data.put("lastName", form.get("programManager").get("lastName").textValue());
        data.put("email", form.get("programManager").get("email").textValue());
        data.put("organizationName", form.get("organization").get("name").textValue());
        if (regionName != null) {
            data.put("regionName", regionName);
        }
        if (regionId != null) {
            data.put("regionId", regionId);
        }
        return data;
    }

    private static Created answer(String id, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("status", ApplicationStatus.UNREVIEWED);
        body.put("submittedAt", Timestamps.format(now));
        return new Created(Json.write(body), "/admin/applications/" + id);
    }
}
