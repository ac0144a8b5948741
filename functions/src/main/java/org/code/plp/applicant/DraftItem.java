package org.code.plp.applicant;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A saved, unfinished application: the form as the page had it (shape-checked only) in {@code form},
 * kept in its own table so it is never in the review queue or its counts. DynamoDB TTL deletes it
 * at {@code expiresAt}; {@code reminder} is "due" until the one reminder is queued (a sparse index).
 */
public final class DraftItem {
    public static final String BY_EMAIL = "byEmail";
    public static final String BY_REMINDER = "byReminder";
    public static final String REMINDER_DUE = "due";

    public static final TableSchema<DraftItem> SCHEMA = StaticTableSchema.builder(DraftItem.class)
            .newItemSupplier(DraftItem::new)
            .addAttribute(String.class, a -> a.name("draftId").getter(DraftItem::getDraftId).setter(DraftItem::setDraftId)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("email").getter(DraftItem::getEmail).setter(DraftItem::setEmail)
                    .tags(secondaryPartitionKey(BY_EMAIL)))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(DraftItem::getUpdatedAt).setter(DraftItem::setUpdatedAt)
                    .tags(secondarySortKey(BY_EMAIL)))
            .addAttribute(String.class, a -> a.name("reminder").getter(DraftItem::getReminder).setter(DraftItem::setReminder)
                    .tags(secondaryPartitionKey(BY_REMINDER)))
            .addAttribute(String.class, a -> a.name("remindAt").getter(DraftItem::getRemindAt).setter(DraftItem::setRemindAt)
                    .tags(secondarySortKey(BY_REMINDER)))
            .addAttribute(String.class, a -> a.name("createdAt").getter(DraftItem::getCreatedAt).setter(DraftItem::setCreatedAt))
            .addAttribute(String.class, a -> a.name("form").getter(DraftItem::getForm).setter(DraftItem::setForm))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(DraftItem::getExpiresAt).setter(DraftItem::setExpiresAt))
            .build();

    private String draftId;
    private String email;
    private String updatedAt;
    private String reminder;
    private String remindAt;
    private String createdAt;
    private String form;
    private Long expiresAt;

    public String getDraftId() { return draftId; }
    public void setDraftId(String draftId) { this.draftId = draftId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public String getReminder() { return reminder; }
    public void setReminder(String reminder) { this.reminder = reminder; }
    public String getRemindAt() { return remindAt; }
    public void setRemindAt(String remindAt) { this.remindAt = remindAt; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getForm() { return form; }
    public void setForm(String form) { this.form = form; }
    /** Epoch seconds: the DynamoDB TTL attribute. */
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
}
