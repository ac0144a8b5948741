package org.code.plp.outbox;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.Map;
import org.code.plp.platform.Timestamps;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An email waiting to be sent, written in the same transaction as the record that causes it.
 * The Notify function picks it up from the table's stream. {@code recipient} is null for
 * staff emails (the staff inbox is configuration, read when sending). {@code data} holds the
 * template values, raw (escaping happens when rendering).
 */
public final class OutboxItem {
    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    /** Will never be sent (e.g. SES rejected the address); {@code failureReason} says why. */
    public static final String FAILED = "failed";
    /** GSI (state, createdAt): the redrive's Query for emails still pending after a while. */
    public static final String BY_STATE = "byState";

    public static final TableSchema<OutboxItem> SCHEMA = StaticTableSchema.builder(OutboxItem.class)
            .newItemSupplier(OutboxItem::new)
            .addAttribute(String.class, a -> a.name("outboxId").getter(OutboxItem::getOutboxId).setter(OutboxItem::setOutboxId)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("type").getter(OutboxItem::getType).setter(OutboxItem::setType))
            .addAttribute(String.class, a -> a.name("recipient").getter(OutboxItem::getRecipient).setter(OutboxItem::setRecipient))
            .addAttribute(String.class, a -> a.name("sourceId").getter(OutboxItem::getSourceId).setter(OutboxItem::setSourceId))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("data")
                    .getter(OutboxItem::getData).setter(OutboxItem::setData))
            .addAttribute(String.class, a -> a.name("state").getter(OutboxItem::getState).setter(OutboxItem::setState)
                    .tags(secondaryPartitionKey(BY_STATE)))
            .addAttribute(Long.class, a -> a.name("attempts").getter(OutboxItem::getAttempts).setter(OutboxItem::setAttempts))
            .addAttribute(String.class, a -> a.name("createdAt").getter(OutboxItem::getCreatedAt).setter(OutboxItem::setCreatedAt)
                    .tags(secondarySortKey(BY_STATE)))
            .addAttribute(String.class, a -> a.name("sentAt").getter(OutboxItem::getSentAt).setter(OutboxItem::setSentAt))
            .addAttribute(String.class, a -> a.name("messageId").getter(OutboxItem::getMessageId).setter(OutboxItem::setMessageId))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(OutboxItem::getExpiresAt).setter(OutboxItem::setExpiresAt))
            .addAttribute(String.class, a -> a.name("leaseId").getter(OutboxItem::getLeaseId).setter(OutboxItem::setLeaseId))
            .addAttribute(Long.class, a -> a.name("leaseUntil").getter(OutboxItem::getLeaseUntil).setter(OutboxItem::setLeaseUntil))
            .addAttribute(String.class, a -> a.name("failureReason").getter(OutboxItem::getFailureReason)
                    .setter(OutboxItem::setFailureReason))
            .build();

    private String outboxId;
    private String type;
    private String recipient;
    private String sourceId;
    private Map<String, String> data;
    private String state;
    private Long attempts;
    private String createdAt;
    private String sentAt;
    private String messageId;
    private Long expiresAt;
    private String leaseId;
    private Long leaseUntil;
    private String failureReason;

    /** A new pending email about {@code sourceId}; its id makes a second one for the same cause impossible. */
    public static OutboxItem pending(EmailType type, String sourceId, String discriminator, String recipient,
                                     Map<String, String> data, java.time.Instant now) {
        OutboxItem item = new OutboxItem();
        item.setOutboxId(sourceId + "#" + type.id() + (discriminator == null ? "" : "#" + discriminator));
        item.setType(type.id());
        item.setSourceId(sourceId);
        item.setRecipient(type.audience() == EmailType.Audience.STAFF ? null : recipient);
        item.setData(Map.copyOf(data));
        item.setState(PENDING);
        item.setAttempts(0L);
        item.setCreatedAt(Timestamps.format(now));
        // Kept a year for the audit trail, then DynamoDB TTL removes the copy of the applicant's data.
        item.setExpiresAt(now.getEpochSecond() + 365L * 24 * 3600);
        return item;
    }

    public String getOutboxId() { return outboxId; }
    public void setOutboxId(String outboxId) { this.outboxId = outboxId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public String getSourceId() { return sourceId; }
    public void setSourceId(String sourceId) { this.sourceId = sourceId; }
    public Map<String, String> getData() { return data; }
    public void setData(Map<String, String> data) { this.data = data; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public Long getAttempts() { return attempts; }
    public void setAttempts(Long attempts) { this.attempts = attempts; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getSentAt() { return sentAt; }
    public void setSentAt(String sentAt) { this.sentAt = sentAt; }
    public String getMessageId() { return messageId; }
    public void setMessageId(String messageId) { this.messageId = messageId; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
    public String getLeaseId() { return leaseId; }
    public void setLeaseId(String leaseId) { this.leaseId = leaseId; }
    /** Epoch milliseconds until which the sender holding {@code leaseId} owns the item. */
    public Long getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(Long leaseUntil) { this.leaseUntil = leaseUntil; }
    public String getFailureReason() { return failureReason; }
    public void setFailureReason(String failureReason) { this.failureReason = failureReason; }
}
