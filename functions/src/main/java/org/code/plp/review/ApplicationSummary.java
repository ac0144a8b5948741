package org.code.plp.review;

import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationStatus;

/**
 * One application as the queue lists it (and as the detail starts): {@code overallScore} is the
 * weighted percent of yes answers (null until scored), {@code possibleDuplicate} whether another
 * application shares its email or organization and nobody dismissed the flag.
 */
public record ApplicationSummary(String id, ApplicationStatus status, Long version, String regionId, String regionName,
                                 String organizationName, String organizationType, String state, String contactName,
                                 String contactEmail, String submittedAt, String updatedAt, Double overallScore,
                                 long reviewerCount, boolean possibleDuplicate, boolean regionFilled) {
    /** {@code regionFilled}: still open while its region already has its partner (shown as "region filled"). */
    public static ApplicationSummary of(ApplicationItem item, boolean possibleDuplicate, boolean regionFilled) {
        return new ApplicationSummary(item.getId(), item.getStatus(), item.getVersion(), item.getRegionId(),
                item.getRegionName(), item.getOrganizationName(), item.getOrganizationType(), item.getState(),
                item.getContactName(), item.getContactEmail(), item.getSubmittedAt(), item.getUpdatedAt(),
                ScoreTotals.percent(item.getOverallScore()), item.getReviewerCount() == null ? 0L : item.getReviewerCount(),
                possibleDuplicate, regionFilled);
    }
}
