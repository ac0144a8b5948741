package org.code.plp.applications;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.code.plp.idempotency.IntakeItem;
import org.code.plp.platform.Fold;
import org.code.plp.platform.Json;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An application as stored. The submitted form is kept whole, as validated JSON, in
 * {@code payload}; the attributes beside it are what the review queue lists, filters and
 * counts by. {@code regionKey} and {@code regionStatus} exist to key the GSIs.
 */
public final class ApplicationItem extends IntakeItem {
    public static final String KIND = "application";
    public static final String NO_REGION = "none";
    public static final String BY_SUBMITTED = "bySubmitted";
    public static final String BY_STATUS = "byStatus";
    public static final String BY_REGION = "byRegion";
    public static final String BY_REGION_STATUS = "byRegionStatus";
    public static final String BY_EMAIL_KEY = "byEmailKey";
    public static final String BY_ORG_KEY = "byOrgKey";
    public static final String BY_SCORE = "byScore";
    public static final String BY_REGION_SCORE = "byRegionScore";
    public static final String BY_STATUS_SCORE = "byStatusScore";
    public static final String BY_REGION_STATUS_SCORE = "byRegionStatusScore";
    /** Keys only: which applications an address sent ("email me my link again"). */
    public static final String BY_CONTACT_EMAIL = "byContactEmail";

    public static final TableSchema<ApplicationItem> SCHEMA = StaticTableSchema.builder(ApplicationItem.class)
            .newItemSupplier(ApplicationItem::new)
            .extend(IntakeItem.BASE_SCHEMA)
            .addAttribute(String.class, a -> a.name("id").getter(ApplicationItem::getId).setter(ApplicationItem::setId)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("kind").getter(ApplicationItem::getKind).setter(ApplicationItem::setKind)
                    .tags(secondaryPartitionKey(List.of(BY_SUBMITTED, BY_SCORE))))
            .addAttribute(String.class, a -> a.name("status").getter(i -> i.getStatus() == null ? null : i.getStatus().wire())
                    .setter((i, s) -> i.setStatus(ApplicationStatus.fromWire(s).orElse(null)))
                    .tags(secondaryPartitionKey(List.of(BY_STATUS, BY_STATUS_SCORE))))
            .addAttribute(String.class, a -> a.name("regionKey").getter(ApplicationItem::getRegionKey).setter(ApplicationItem::setRegionKey)
                    .tags(secondaryPartitionKey(List.of(BY_REGION, BY_REGION_SCORE))))
            .addAttribute(String.class, a -> a.name("regionStatus").getter(ApplicationItem::getRegionStatus)
                    .setter(ApplicationItem::setRegionStatus).tags(secondaryPartitionKey(List.of(BY_REGION_STATUS, BY_REGION_STATUS_SCORE))))
            .addAttribute(String.class, a -> a.name("scoreKey").getter(ApplicationItem::getScoreKey).setter(ApplicationItem::setScoreKey)
                    .tags(secondarySortKey(List.of(BY_SCORE, BY_REGION_SCORE, BY_STATUS_SCORE, BY_REGION_STATUS_SCORE))))
            .addAttribute(String.class, a -> a.name("submittedAt").getter(ApplicationItem::getSubmittedAt)
                    .setter(ApplicationItem::setSubmittedAt)
                    .tags(secondarySortKey(List.of(BY_SUBMITTED, BY_STATUS, BY_REGION, BY_REGION_STATUS, BY_CONTACT_EMAIL,
                            BY_EMAIL_KEY, BY_ORG_KEY))))
            .addAttribute(String.class, a -> a.name("emailKey").getter(ApplicationItem::getEmailKey).setter(ApplicationItem::setEmailKey)
                    .tags(secondaryPartitionKey(BY_EMAIL_KEY)))
            .addAttribute(String.class, a -> a.name("orgKey").getter(ApplicationItem::getOrgKey).setter(ApplicationItem::setOrgKey)
                    .tags(secondaryPartitionKey(BY_ORG_KEY)))
            .addAttribute(String.class, a -> a.name("duplicateDismissedBy").getter(ApplicationItem::getDuplicateDismissedBy)
                    .setter(ApplicationItem::setDuplicateDismissedBy))
            .addAttribute(String.class, a -> a.name("duplicateDismissedAt").getter(ApplicationItem::getDuplicateDismissedAt)
                    .setter(ApplicationItem::setDuplicateDismissedAt))
            .addAttribute(String.class, a -> a.name("regionId").getter(ApplicationItem::getRegionId).setter(ApplicationItem::setRegionId))
            .addAttribute(String.class, a -> a.name("regionName").getter(ApplicationItem::getRegionName).setter(ApplicationItem::setRegionName))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(ApplicationItem::getUpdatedAt).setter(ApplicationItem::setUpdatedAt))
            .addAttribute(String.class, a -> a.name("erasedAt").getter(ApplicationItem::getErasedAt).setter(ApplicationItem::setErasedAt))
            .addAttribute(Long.class, a -> a.name("version").getter(ApplicationItem::getVersion).setter(ApplicationItem::setVersion))
            .addAttribute(String.class, a -> a.name("organizationName").getter(ApplicationItem::getOrganizationName)
                    .setter(ApplicationItem::setOrganizationName))
            .addAttribute(String.class, a -> a.name("organizationType").getter(ApplicationItem::getOrganizationType)
                    .setter(ApplicationItem::setOrganizationType))
            .addAttribute(String.class, a -> a.name("state").getter(ApplicationItem::getState).setter(ApplicationItem::setState))
            .addAttribute(String.class, a -> a.name("contactName").getter(ApplicationItem::getContactName).setter(ApplicationItem::setContactName))
            .addAttribute(String.class, a -> a.name("contactEmail").getter(ApplicationItem::getContactEmail).setter(ApplicationItem::setContactEmail)
                    .tags(secondaryPartitionKey(BY_CONTACT_EMAIL)))
            .addAttribute(String.class, a -> a.name("search").getter(ApplicationItem::getSearch).setter(ApplicationItem::setSearch))
            .addAttribute(String.class, a -> a.name("payload").getter(ApplicationItem::getPayload).setter(ApplicationItem::setPayload))
            .addAttribute(Long.class, a -> a.name("overallScore").getter(ApplicationItem::getOverallScore)
                    .setter(ApplicationItem::setOverallScore))
            .addAttribute(Long.class, a -> a.name("scoreRev").getter(ApplicationItem::getScoreRev).setter(ApplicationItem::setScoreRev))
            .addAttribute(Long.class, a -> a.name("reviewerCount").getter(ApplicationItem::getReviewerCount)
                    .setter(ApplicationItem::setReviewerCount))
            .addAttribute(EnhancedType.mapOf(String.class, Long.class), a -> a.name("scoreYes")
                    .getter(ApplicationItem::getScoreYes).setter(ApplicationItem::setScoreYes))
            .addAttribute(EnhancedType.mapOf(String.class, Long.class), a -> a.name("scoreAnswered")
                    .getter(ApplicationItem::getScoreAnswered).setter(ApplicationItem::setScoreAnswered))
            .addAttribute(String.class, a -> a.name("heldUntil").getter(ApplicationItem::getHeldUntil).setter(ApplicationItem::setHeldUntil))
            .addAttribute(String.class, a -> a.name("heldFrom").getter(i -> i.getHeldFrom() == null ? null : i.getHeldFrom().wire())
                    .setter((i, v) -> i.setHeldFrom(v == null ? null : ApplicationStatus.fromWire(v).orElseThrow())))
            .addAttribute(String.class, a -> a.name("heldEmailId").getter(ApplicationItem::getHeldEmailId).setter(ApplicationItem::setHeldEmailId))
            .addAttribute(Boolean.class, a -> a.name("coPartner").getter(ApplicationItem::getCoPartner).setter(ApplicationItem::setCoPartner))
            .build();

    private String id;
    private String kind = KIND;
    private ApplicationStatus status;
    private String regionKey;
    private String regionStatus;
    private String submittedAt;
    private String regionId;
    private String regionName;
    private String updatedAt;
    private Long version;
    private String organizationName;
    private String organizationType;
    private String state;
    private String contactName;
    private String contactEmail;
    private String search;
    private String payload;
    private String erasedAt;
    private String scoreKey;
    private String emailKey;
    private String orgKey;
    private String duplicateDismissedBy;
    private String duplicateDismissedAt;
    private Long overallScore;
    private Long scoreRev;
    private Long reviewerCount;
    private Map<String, Long> scoreYes;
    private Map<String, Long> scoreAnswered;
    private String heldUntil;
    private ApplicationStatus heldFrom;
    private String heldEmailId;
    private Boolean coPartner;

    /** Sets the status and the index keys derived from it, which must never drift apart. */
    public void moveTo(ApplicationStatus newStatus) {
        this.status = newStatus;
        this.regionStatus = regionStatusKey(regionKey, newStatus);
    }

    public static String regionStatusKey(String regionKey, ApplicationStatus status) {
        return regionKey + "#" + status.wire();
    }

    /**
     * The sort key of the score indexes: the overall score in tenths of a percent (0000-1000), then
     * the submission time, so the highest score comes first and ties are newest first. An unscored
     * application sorts after every scored one ('-' is below '0').
     */
    public static String scoreKey(Long overallScoreTenths, String submittedAt) {
        return (overallScoreTenths == null ? "-" : String.format("%04d", overallScoreTenths)) + "#" + submittedAt;
    }

    /** The folded text (no accents, lower case) the queue's search box matches against. */
    public static String searchText(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                text.append(Fold.text(part)).append(' ');
            }
        }
        return text.toString().strip();
    }

    /** The submitted form, as stored in {@code payload}. */
    public ApplicationForm form() {
        return Json.read(payload, ApplicationForm.class);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public ApplicationStatus getStatus() { return status; }
    public void setStatus(ApplicationStatus status) { this.status = status; }
    public String getRegionKey() { return regionKey; }
    public void setRegionKey(String regionKey) { this.regionKey = regionKey; }
    public String getRegionStatus() { return regionStatus; }
    public void setRegionStatus(String regionStatus) { this.regionStatus = regionStatus; }
    public String getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(String submittedAt) { this.submittedAt = submittedAt; }
    public String getRegionId() { return regionId; }
    public void setRegionId(String regionId) { this.regionId = regionId; }
    public String getRegionName() { return regionName; }
    public void setRegionName(String regionName) { this.regionName = regionName; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getOrganizationName() { return organizationName; }
    public void setOrganizationName(String organizationName) { this.organizationName = organizationName; }
    public String getOrganizationType() { return organizationType; }
    public void setOrganizationType(String organizationType) { this.organizationType = organizationType; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    /** When the applicant's personal data was erased on request (null: never). */
    public String getErasedAt() { return erasedAt; }
    public void setErasedAt(String erasedAt) { this.erasedAt = erasedAt; }
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
    public String getEmailKey() { return emailKey; }
    public void setEmailKey(String emailKey) { this.emailKey = emailKey; }
    public String getOrgKey() { return orgKey; }
    public void setOrgKey(String orgKey) { this.orgKey = orgKey; }
    public String getDuplicateDismissedBy() { return duplicateDismissedBy; }
    public void setDuplicateDismissedBy(String duplicateDismissedBy) { this.duplicateDismissedBy = duplicateDismissedBy; }
    public String getDuplicateDismissedAt() { return duplicateDismissedAt; }
    public void setDuplicateDismissedAt(String duplicateDismissedAt) { this.duplicateDismissedAt = duplicateDismissedAt; }
    public String getScoreKey() { return scoreKey; }
    public void setScoreKey(String scoreKey) { this.scoreKey = scoreKey; }
    public Long getOverallScore() { return overallScore; }
    public void setOverallScore(Long overallScore) { this.overallScore = overallScore; }
    public Long getScoreRev() { return scoreRev; }
    public void setScoreRev(Long scoreRev) { this.scoreRev = scoreRev; }
    public Long getReviewerCount() { return reviewerCount; }
    public void setReviewerCount(Long reviewerCount) { this.reviewerCount = reviewerCount; }
    public Map<String, Long> getScoreYes() { return scoreYes; }
    public void setScoreYes(Map<String, Long> scoreYes) { this.scoreYes = scoreYes; }
    public Map<String, Long> getScoreAnswered() { return scoreAnswered; }
    public void setScoreAnswered(Map<String, Long> scoreAnswered) { this.scoreAnswered = scoreAnswered; }
    /** Until when the last decision can be undone (its email, if any, is due then). */
    public String getHeldUntil() { return heldUntil; }
    public void setHeldUntil(String heldUntil) { this.heldUntil = heldUntil; }
    /** The status before the last decision: what an undo returns to. */
    public ApplicationStatus getHeldFrom() { return heldFrom; }
    public void setHeldFrom(ApplicationStatus heldFrom) { this.heldFrom = heldFrom; }
    /** Whether the last decision can still be undone at {@code at} (its hold has not ended). */
    public boolean heldAt(Instant at) {
        return heldUntil != null && heldFrom != null && Instant.parse(heldUntil).isAfter(at);
    }
    /** The outbox id of the last decision's held email, if it has one. */
    public String getHeldEmailId() { return heldEmailId; }
    public void setHeldEmailId(String heldEmailId) { this.heldEmailId = heldEmailId; }
    /** Accepted as a deliberate joint partner of a region that already had one. */
    public Boolean getCoPartner() { return coPartner; }
    public void setCoPartner(Boolean coPartner) { this.coPartner = coPartner; }
}
