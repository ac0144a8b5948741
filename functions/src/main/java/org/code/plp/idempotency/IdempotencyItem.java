package org.code.plp.idempotency;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** The first answer given to an Idempotency-Key, with a hash of the body it answered. */
public final class IdempotencyItem {
    public static final TableSchema<IdempotencyItem> SCHEMA = StaticTableSchema.builder(IdempotencyItem.class)
            .newItemSupplier(IdempotencyItem::new)
            .addAttribute(String.class, a -> a.name("idempotencyKey").getter(IdempotencyItem::getIdempotencyKey)
                    .setter(IdempotencyItem::setIdempotencyKey).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("requestHash").getter(IdempotencyItem::getRequestHash).setter(IdempotencyItem::setRequestHash))
            .addAttribute(Integer.class, a -> a.name("status").getter(IdempotencyItem::getStatus).setter(IdempotencyItem::setStatus))
            .addAttribute(String.class, a -> a.name("response").getter(IdempotencyItem::getResponse).setter(IdempotencyItem::setResponse))
            .addAttribute(String.class, a -> a.name("location").getter(IdempotencyItem::getLocation).setter(IdempotencyItem::setLocation))
            .addAttribute(String.class, a -> a.name("createdAt").getter(IdempotencyItem::getCreatedAt).setter(IdempotencyItem::setCreatedAt))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(IdempotencyItem::getExpiresAt).setter(IdempotencyItem::setExpiresAt))
            .build();

    private String idempotencyKey;
    private String requestHash;
    private Integer status;
    private String response;
    private String location;
    private String createdAt;
    private Long expiresAt;

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getRequestHash() { return requestHash; }
    public void setRequestHash(String requestHash) { this.requestHash = requestHash; }
    public Integer getStatus() { return status; }
    public void setStatus(Integer status) { this.status = status; }
    public String getResponse() { return response; }
    public void setResponse(String response) { this.response = response; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
}
