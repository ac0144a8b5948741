package org.code.plp.interest;

import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** Interest forms in DynamoDB. */
public class InterestRepository {
    private final DynamoDbTable<InterestItem> table;

    public InterestRepository(Platform platform) {
        this.table = platform.enhanced().table(platform.table("INTEREST_TABLE"), InterestItem.SCHEMA);
    }

    /** Adds the creation of a new interest form to a transaction; it never overwrites one. */
    public void create(WriteTransaction transaction, InterestItem item) {
        transaction.create("interest", table.tableName(), InterestItem.SCHEMA, item, "id");
    }

    public String tableName() {
        return table.tableName();
    }
}
