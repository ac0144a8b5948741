package org.code.plp.idempotency;

import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * What a record a public form stores (an application, an interest form) carries besides its own fields:
 * the key of the Idempotency-Key record written with it, and its TTL. Erasure and retention treat both alike.
 */
public abstract class IntakeItem {
    /** The attributes every intake item maps: its own schema extends this one. */
    public static final StaticTableSchema<IntakeItem> BASE_SCHEMA = StaticTableSchema.builder(IntakeItem.class)
            .addAttribute(String.class, a -> a.name("idempotencyKey").getter(IntakeItem::getIdempotencyKey)
                    .setter(IntakeItem::setIdempotencyKey))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(IntakeItem::getExpiresAt).setter(IntakeItem::setExpiresAt))
            .build();

    private String idempotencyKey;
    private Long expiresAt;

    /** The Idempotency-Key record written with it, if any, so erasure reaches that record by its key. */
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    /** Epoch seconds: the DynamoDB TTL attribute (retention), absent while it is kept. */
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
}
