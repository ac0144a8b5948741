package org.code.plp.outbox;

import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;

/** The outbox table: emails are queued here, in the transaction of the write that causes them. */
public class OutboxRepository {
    private final String table;

    public OutboxRepository(Platform platform) {
        this.table = platform.table("OUTBOX_TABLE");
    }

    public void queue(WriteTransaction transaction, OutboxItem item) {
        transaction.create("outbox " + item.getType(), table, OutboxItem.SCHEMA, item, "outboxId");
    }

    public String tableName() {
        return table;
    }
}
