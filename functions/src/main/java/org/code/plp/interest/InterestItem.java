package org.code.plp.interest;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import org.code.plp.idempotency.IntakeItem;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An interest form. {@code state} is the ZIP's or given state ("none" when unknown) and
 * {@code regionKey} the matched region ("none" when no region matched): both key GSIs.
 */
public final class InterestItem extends IntakeItem {
    public static final String KIND = "interest";
    public static final String NONE = "none";
    public static final String BY_SUBMITTED = "bySubmitted";
    public static final String BY_STATE = "byState";
    public static final String BY_REGION = "byRegion";
    /** GSI (email), keys only: erasure and subject access find an address's forms by Query. */
    public static final String BY_EMAIL = "byEmail";

    public static final TableSchema<InterestItem> SCHEMA = StaticTableSchema.builder(InterestItem.class)
            .newItemSupplier(InterestItem::new)
            .extend(IntakeItem.BASE_SCHEMA)
            .addAttribute(String.class, a -> a.name("id").getter(InterestItem::getId).setter(InterestItem::setId)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("kind").getter(InterestItem::getKind).setter(InterestItem::setKind)
                    .tags(secondaryPartitionKey(BY_SUBMITTED)))
            .addAttribute(String.class, a -> a.name("state").getter(InterestItem::getState).setter(InterestItem::setState)
                    .tags(secondaryPartitionKey(BY_STATE)))
            .addAttribute(String.class, a -> a.name("regionKey").getter(InterestItem::getRegionKey).setter(InterestItem::setRegionKey)
                    .tags(secondaryPartitionKey(BY_REGION)))
            .addAttribute(String.class, a -> a.name("submittedAt").getter(InterestItem::getSubmittedAt).setter(InterestItem::setSubmittedAt)
                    .tags(secondarySortKey(List.of(BY_SUBMITTED, BY_STATE, BY_REGION))))
            .addAttribute(String.class, a -> a.name("matchedRegionId").getter(InterestItem::getMatchedRegionId)
                    .setter(InterestItem::setMatchedRegionId))
            .addAttribute(String.class, a -> a.name("name").getter(InterestItem::getName).setter(InterestItem::setName))
            .addAttribute(String.class, a -> a.name("email").getter(InterestItem::getEmail).setter(InterestItem::setEmail)
                    .tags(secondaryPartitionKey(BY_EMAIL)))
            .addAttribute(String.class, a -> a.name("organization").getter(InterestItem::getOrganization).setter(InterestItem::setOrganization))
            .addAttribute(String.class, a -> a.name("role").getter(InterestItem::getRole).setter(InterestItem::setRole))
            .addAttribute(String.class, a -> a.name("city").getter(InterestItem::getCity).setter(InterestItem::setCity))
            .addAttribute(String.class, a -> a.name("zip").getter(InterestItem::getZip).setter(InterestItem::setZip))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("gradeLevels").getter(InterestItem::getGradeLevels)
                    .setter(InterestItem::setGradeLevels))
            .addAttribute(String.class, a -> a.name("notes").getter(InterestItem::getNotes).setter(InterestItem::setNotes))
            .addAttribute(Boolean.class, a -> a.name("willingToRecruitDistricts").getter(InterestItem::getWillingToRecruitDistricts)
                    .setter(InterestItem::setWillingToRecruitDistricts))
            .build();

    private String id;
    private String kind = KIND;
    private String state;
    private String regionKey;
    private String submittedAt;
    private String matchedRegionId;
    private String name;
    private String email;
    private String organization;
    private String role;
    private String city;
    private String zip;
    private List<String> gradeLevels;
    private String notes;
    private Boolean willingToRecruitDistricts;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getRegionKey() { return regionKey; }
    public void setRegionKey(String regionKey) { this.regionKey = regionKey; }
    public String getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(String submittedAt) { this.submittedAt = submittedAt; }
    public String getMatchedRegionId() { return matchedRegionId; }
    public void setMatchedRegionId(String matchedRegionId) { this.matchedRegionId = matchedRegionId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getOrganization() { return organization; }
    public void setOrganization(String organization) { this.organization = organization; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getZip() { return zip; }
    public void setZip(String zip) { this.zip = zip; }
    public List<String> getGradeLevels() { return gradeLevels; }
    public void setGradeLevels(List<String> gradeLevels) { this.gradeLevels = gradeLevels; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Boolean getWillingToRecruitDistricts() { return willingToRecruitDistricts; }
    public void setWillingToRecruitDistricts(Boolean willingToRecruitDistricts) { this.willingToRecruitDistricts = willingToRecruitDistricts; }
}
