package org.code.plp.applications;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.code.plp.platform.Json;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An application as stored. The submitted form is kept whole, as validated JSON, in
 * {@code payload}; the attributes beside it are what the review queue lists, filters and
 * counts by. {@code regionKey} and {@code regionStatus} exist to key the GSIs.
 */
public final class ApplicationItem {
    public static final String KIND = "application";
    public static final String NO_REGION = "none";
    public static final String BY_SUBMITTED = "bySubmitted";
    public static final String BY_STATUS = "byStatus";
    public static final String BY_REGION = "byRegion";
    public static final String BY_REGION_STATUS = "byRegionStatus";

    public static final TableSchema<ApplicationItem> SCHEMA = StaticTableSchema.builder(ApplicationItem.class)
            .newItemSupplier(ApplicationItem::new)
            .addAttribute(String.class, a -> a.name("id").getter(ApplicationItem::getId).setter(ApplicationItem::setId)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("kind").getter(ApplicationItem::getKind).setter(ApplicationItem::setKind)
                    .tags(secondaryPartitionKey(BY_SUBMITTED)))
            .addAttribute(String.class, a -> a.name("status").getter(i -> i.getStatus() == null ? null : i.getStatus().wire())
                    .setter((i, s) -> i.setStatus(ApplicationStatus.fromWire(s).orElse(null)))
                    .tags(secondaryPartitionKey(BY_STATUS)))
            .addAttribute(String.class, a -> a.name("regionKey").getter(ApplicationItem::getRegionKey).setter(ApplicationItem::setRegionKey)
                    .tags(secondaryPartitionKey(BY_REGION)))
            .addAttribute(String.class, a -> a.name("regionStatus").getter(ApplicationItem::getRegionStatus)
                    .setter(ApplicationItem::setRegionStatus).tags(secondaryPartitionKey(BY_REGION_STATUS)))
            .addAttribute(String.class, a -> a.name("submittedAt").getter(ApplicationItem::getSubmittedAt)
                    .setter(ApplicationItem::setSubmittedAt)
                    .tags(secondarySortKey(List.of(BY_SUBMITTED, BY_STATUS, BY_REGION, BY_REGION_STATUS))))
            .addAttribute(String.class, a -> a.name("regionId").getter(ApplicationItem::getRegionId).setter(ApplicationItem::setRegionId))
            .addAttribute(String.class, a -> a.name("regionName").getter(ApplicationItem::getRegionName).setter(ApplicationItem::setRegionName))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(ApplicationItem::getUpdatedAt).setter(ApplicationItem::setUpdatedAt))
            .addAttribute(Long.class, a -> a.name("version").getter(ApplicationItem::getVersion).setter(ApplicationItem::setVersion))
            .addAttribute(String.class, a -> a.name("organizationName").getter(ApplicationItem::getOrganizationName)
                    .setter(ApplicationItem::setOrganizationName))
            .addAttribute(String.class, a -> a.name("organizationType").getter(ApplicationItem::getOrganizationType)
                    .setter(ApplicationItem::setOrganizationType))
            .addAttribute(String.class, a -> a.name("state").getter(ApplicationItem::getState).setter(ApplicationItem::setState))
            .addAttribute(String.class, a -> a.name("contactName").getter(ApplicationItem::getContactName).setter(ApplicationItem::setContactName))
            .addAttribute(String.class, a -> a.name("contactEmail").getter(ApplicationItem::getContactEmail).setter(ApplicationItem::setContactEmail))
            .addAttribute(String.class, a -> a.name("search").getter(ApplicationItem::getSearch).setter(ApplicationItem::setSearch))
            .addAttribute(String.class, a -> a.name("payload").getter(ApplicationItem::getPayload).setter(ApplicationItem::setPayload))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("scores")
                    .getter(ApplicationItem::getScores).setter(ApplicationItem::setScores))
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
    private Map<String, String> scores;
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

    /** The lowercase text the queue's search box matches against. */
    public static String searchText(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                text.append(part.toLowerCase(Locale.ROOT)).append(' ');
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
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
    /** Until when the last decision can be undone (its email, if any, is due then). */
    public String getHeldUntil() { return heldUntil; }
    public void setHeldUntil(String heldUntil) { this.heldUntil = heldUntil; }
    /** The status before the last decision: what an undo returns to. */
    public ApplicationStatus getHeldFrom() { return heldFrom; }
    public void setHeldFrom(ApplicationStatus heldFrom) { this.heldFrom = heldFrom; }
    /** The outbox id of the last decision's held email, if it has one. */
    public String getHeldEmailId() { return heldEmailId; }
    public void setHeldEmailId(String heldEmailId) { this.heldEmailId = heldEmailId; }
    /** Accepted as a deliberate joint partner of a region that already had one. */
    public Boolean getCoPartner() { return coPartner; }
    public void setCoPartner(Boolean coPartner) { this.coPartner = coPartner; }
    public Map<String, String> getScores() { return scores; }
    public void setScores(Map<String, String> scores) { this.scores = scores; }
}
