package org.code.plp.interest;

import java.time.Instant;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Retention;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** Interest forms in DynamoDB. */
public class InterestRepository {
    private final DynamoDbTable<InterestItem> table;
    private final Retention retention;

    public InterestRepository(Platform platform) {
        this.table = platform.enhanced().table(platform.table("INTEREST_TABLE"), InterestItem.SCHEMA);
        this.retention = Retention.from(platform.env());
    }

    /**
     * Adds the creation of a new interest form to a transaction; it never overwrites one. It expires
     * (DynamoDB TTL) the configured time after it was sent.
     */
    public void create(WriteTransaction transaction, InterestItem item) {
        item.setExpiresAt(retention.interestExpiry(Instant.parse(item.getSubmittedAt())));
        transaction.create("interest", table.tableName(), InterestItem.SCHEMA, item, "id");
    }

    public String tableName() {
        return table.tableName();
    }
}
