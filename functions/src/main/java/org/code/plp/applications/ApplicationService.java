package org.code.plp.applications;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.code.plp.applicant.AnswersText;
import org.code.plp.counters.Counters;
import org.code.plp.http.Created;
import org.code.plp.http.Problem;
import org.code.plp.idempotency.IdempotencyKeys;
import org.code.plp.idempotency.Intake;
import org.code.plp.outbox.EmailType;
import org.code.plp.platform.Json;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;

/**
 * Taking in an application: validate, check the region takes applications, then store the
 * application, its first status log entry, its counters and its two emails in one transaction
 * before answering.
 */
public record ApplicationService(RegionRepository regions, ApplicationRepository applications, ApplicationLog log, Counters counters, Intake intake) {
    /** Who the first status log entry names: the applicant, by submitting. */
    public static final String APPLICANT = "applicant";

    /** A submission the honeypot caught: the usual answer, nothing stored, nothing sent. */
    public Created ignore() {
        Intake.Submission none = intake.begin(Optional.empty());
        return answer(none.id(), none.now());
    }

    public Created submit(ApplicationForm form, Optional<IdempotencyKeys.Claim> claim) {
        Intake.Submission submission = intake.begin(claim);
        String id = submission.id();
        Instant now = submission.now();
        RegionItem region = openRegion(form.regionId());

        ApplicationItem item = toItem(id, form, region, now);
        item.setIdempotencyKey(submission.claimKey());
        WriteTransaction transaction = submission.transaction();
        applications.create(transaction, item);
        log.status(transaction, id, new ApplicationLog.StatusEntry(ApplicationStatus.UNREVIEWED, APPLICANT, Timestamps.format(now),
                null, item.getVersion()));
        counters.add(transaction, Counters.APPLICATIONS_ALL, ApplicationStatus.UNREVIEWED.wire(), 1);
        counters.add(transaction, Counters.applicationsInRegion(item.getRegionKey()), ApplicationStatus.UNREVIEWED.wire(), 1);
        DuplicateKeys.count(transaction, counters, item);
        Map<String, String> mail = ApplicationMail.data(id, form, region.getRegionId(), region.getName());
        Map<String, String> confirmation = new LinkedHashMap<>(mail);
        confirmation.put("answers", AnswersText.text(form));
        intake.email(submission, EmailType.CONFIRMATION, item.getContactEmail(), confirmation);
        intake.email(submission, EmailType.NEW_APPLICATION, null, mail);
        return intake.commit(submission, answer(id, now));
    }

    private RegionItem openRegion(String regionId) {
        RegionItem region = regions.find(regionId).orElseThrow(() -> Problem.field(422, "unknown-region",
                "Unknown region", "regionId", "There is no region '" + regionId + "'. Choose a city from the map."));
        if (region.getStatus() != RegionStatus.SEEKING_PARTNER) {
            throw Problem.field(422, "region-not-open", "Region not open", "regionId",
                    region.getName() + " is not taking applications now.");
        }
        return region;
    }

    private static ApplicationItem toItem(String id, ApplicationForm form, RegionItem region, Instant now) {
        ApplicationForm.Organization org = form.organization();
        ApplicationForm.ProgramManager manager = form.programManager();
        ApplicationItem item = new ApplicationItem();
        item.setId(id);
        item.setRegionId(region.getRegionId());
        item.setRegionName(region.getName());
        item.setRegionKey(region.getRegionId());
        item.moveTo(ApplicationStatus.UNREVIEWED);
        item.setSubmittedAt(Timestamps.format(now));
        item.setUpdatedAt(Timestamps.format(now));
        item.setVersion(1L);
        item.setOrganizationName(org.name());
        item.setOrganizationType(org.type());
        item.setState(org.address().state());
        item.setContactName(manager.fullName());
        item.setContactEmail(manager.email());
        item.setSearch(ApplicationItem.searchText(org.name(), manager.fullName(), manager.email(), org.address().city()));
        item.setPayload(Json.write(form));
        item.setScoreKey(ApplicationItem.scoreKey(null, item.getSubmittedAt()));
        DuplicateKeys.set(item);
        return item;
    }

    /** The 201 body of a submission. */
    public record Receipt(String id, ApplicationStatus status, String submittedAt) {
    }

    private static Created answer(String id, Instant now) {
        return new Created(Json.write(new Receipt(id, ApplicationStatus.UNREVIEWED, Timestamps.format(now))),
                "/admin/applications/" + id);
    }
}
