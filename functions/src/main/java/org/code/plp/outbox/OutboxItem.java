package org.code.plp.outbox;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.code.plp.platform.Timestamps;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An email waiting to be sent, written in the same transaction as the record that causes it.
 * It goes out at {@code dueAt}: the Notify function sends what is due when its INSERT arrives on the
 * stream, the sweeper (NotifyRedriveFunction, every minute) what came due later or failed before
 * (a retry's {@code dueAt} is its backoff). {@code recipient} is null for
 * staff emails (the staff inbox is configuration, read when sending). {@code data} holds the
 * template values, raw (escaping happens when rendering).
 */
public final class OutboxItem {
    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    /** Will never be sent (e.g. SES rejected the address); {@code failureReason} says why. */
    public static final String FAILED = "failed";
    /** A held email withdrawn before it was due (its decision was undone or superseded). */
    public static final String CANCELLED = "cancelled";
    /** GSI (state, createdAt): no longer queried; kept until a later deploy drops it (one GSI change per update). */
    public static final String BY_STATE = "byState";
    /**
     * GSI (state, dueAt): the sweeper's Query for pending emails that are due and for sending ones whose
     * lease ended (a claim sets {@code dueAt} to the lease's end).
     */
    public static final String BY_DUE = "byDue";
    /** Keys only, sparse (staff emails have no recipient): erasure and subject access find every email to an address. */
    public static final String BY_RECIPIENT = "byRecipient";

    public static final TableSchema<OutboxItem> SCHEMA = StaticTableSchema.builder(OutboxItem.class)
            .newItemSupplier(OutboxItem::new)
            .addAttribute(String.class, a -> a.name("outboxId").getter(OutboxItem::getOutboxId).setter(OutboxItem::setOutboxId)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("type").getter(OutboxItem::getType).setter(OutboxItem::setType))
            .addAttribute(String.class, a -> a.name("recipient").getter(OutboxItem::getRecipient).setter(OutboxItem::setRecipient)
                    .tags(secondaryPartitionKey(BY_RECIPIENT)))
            .addAttribute(String.class, a -> a.name("sourceId").getter(OutboxItem::getSourceId).setter(OutboxItem::setSourceId))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("data")
                    .getter(OutboxItem::getData).setter(OutboxItem::setData))
            .addAttribute(String.class, a -> a.name("state").getter(OutboxItem::getState).setter(OutboxItem::setState)
                    .tags(secondaryPartitionKey(List.of(BY_STATE, BY_DUE))))
            .addAttribute(Long.class, a -> a.name("attempts").getter(OutboxItem::getAttempts).setter(OutboxItem::setAttempts))
            .addAttribute(String.class, a -> a.name("createdAt").getter(OutboxItem::getCreatedAt).setter(OutboxItem::setCreatedAt)
                    .tags(secondarySortKey(BY_STATE)))
            .addAttribute(String.class, a -> a.name("dueAt").getter(OutboxItem::getDueAt).setter(OutboxItem::setDueAt)
                    .tags(secondarySortKey(BY_DUE)))
            .addAttribute(String.class, a -> a.name("sentAt").getter(OutboxItem::getSentAt).setter(OutboxItem::setSentAt))
            .addAttribute(String.class, a -> a.name("messageId").getter(OutboxItem::getMessageId).setter(OutboxItem::setMessageId))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(OutboxItem::getExpiresAt).setter(OutboxItem::setExpiresAt))
            .addAttribute(String.class, a -> a.name("leaseId").getter(OutboxItem::getLeaseId).setter(OutboxItem::setLeaseId))
            .addAttribute(Long.class, a -> a.name("leaseUntil").getter(OutboxItem::getLeaseUntil).setter(OutboxItem::setLeaseUntil))
            .addAttribute(String.class, a -> a.name("failureReason").getter(OutboxItem::getFailureReason)
                    .setter(OutboxItem::setFailureReason))
            .addAttribute(String.class, a -> a.name("lastError").getter(OutboxItem::getLastError).setter(OutboxItem::setLastError))
            .build();

    private String outboxId;
    private String type;
    private String recipient;
    private String sourceId;
    private Map<String, String> data;
    private String state;
    private Long attempts;
    private String createdAt;
    private String dueAt;
    private String sentAt;
    private String messageId;
    private Long expiresAt;
    private String leaseId;
    private Long leaseUntil;
    private String failureReason;
    private String lastError;

    /** A new pending email about {@code sourceId}, due now; its id makes a second one for the same cause impossible. */
    public static OutboxItem pending(EmailType type, String sourceId, String discriminator, String recipient,
                                     Map<String, String> data, Instant now) {
        return held(type, sourceId, discriminator, recipient, data, now, now);
    }

    /**
     * Every id an email about {@code sourceId} can have: each type plain and per version up to {@code version}
     * (+1 for a decision racing the reader). Emails sent again on request (a status link) carry a random part;
     * the {@link #BY_RECIPIENT} index finds those.
     */
    public static java.util.List<String> possibleIds(String sourceId, long version) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (EmailType type : EmailType.values()) {
            ids.add(sourceId + "#" + type.id());
            for (long v = 1; v <= version + 1; v++) {
                ids.add(sourceId + "#" + type.id() + "#v" + v);
            }
        }
        return ids;
    }

    /** As {@link #pending}, but not sent before {@code dueAt} (a decision's email, held so it can be undone). */
    public static OutboxItem held(EmailType type, String sourceId, String discriminator, String recipient,
                                  Map<String, String> data, Instant now, Instant dueAt) {
        OutboxItem item = new OutboxItem();
        item.setOutboxId(sourceId + "#" + type.id() + (discriminator == null ? "" : "#" + discriminator));
        item.setType(type.id());
        item.setSourceId(sourceId);
        item.setRecipient(type.audience() == EmailType.Audience.STAFF ? null : recipient);
        item.setData(Map.copyOf(data));
        item.setState(PENDING);
        item.setAttempts(0L);
        item.setCreatedAt(Timestamps.format(now));
        item.setDueAt(Timestamps.format(dueAt));
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
    public String getDueAt() { return dueAt; }
    public void setDueAt(String dueAt) { this.dueAt = dueAt; }
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
    /** Why the last attempt failed, while retries remain. */
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
}
