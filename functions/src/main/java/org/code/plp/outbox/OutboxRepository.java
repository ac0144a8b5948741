package org.code.plp.outbox;

import java.time.Instant;
import java.util.Map;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The outbox table: emails are queued here, in the transaction of the write that causes them. */
public class OutboxRepository {
    /** The label of {@link #cancel}'s write: its condition fails when the email is no longer held. */
    public static final String CANCEL_LABEL = "held email";

    private final String table;

    public OutboxRepository(Platform platform) {
        this.table = platform.table("OUTBOX_TABLE");
    }

    public void queue(WriteTransaction transaction, OutboxItem item) {
        transaction.create("outbox " + item.getType(), table, OutboxItem.SCHEMA, item, "outboxId");
    }

    /**
     * Withdraws a held email: only while it is still pending and not yet due at {@code now}. A sender's
     * claim needs the same item pending and due, so of a cancel and a claim racing at the end of the hold
     * exactly one succeeds: the email is either cancelled or sent, never both, never neither.
     */
    public void cancel(WriteTransaction transaction, String outboxId, Instant now) {
        transaction.update(CANCEL_LABEL, table, Map.of("outboxId", AttributeValue.fromS(outboxId)),
                "SET #s = :cancelled, cancelledAt = :now",
                "#s = :pending AND dueAt > :now",
                Map.of("#s", "state"),
                Map.of(":cancelled", AttributeValue.fromS(OutboxItem.CANCELLED), ":pending", AttributeValue.fromS(OutboxItem.PENDING),
                        ":now", AttributeValue.fromS(Timestamps.format(now))));
    }

    public String tableName() {
        return table;
    }
}
