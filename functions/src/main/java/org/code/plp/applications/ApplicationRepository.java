package org.code.plp.applications;

import java.util.Optional;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Applications in DynamoDB. */
public class ApplicationRepository {
    private final DynamoDbTable<ApplicationItem> table;

    public ApplicationRepository(Platform platform) {
        this.table = platform.enhanced().table(platform.table("APPLICATIONS_TABLE"), ApplicationItem.SCHEMA);
    }

    public Optional<ApplicationItem> find(String id) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(id).build()));
    }

    /** Adds the creation of a new application to a transaction; it never overwrites one. */
    public void create(WriteTransaction transaction, ApplicationItem item) {
        transaction.create("application", table.tableName(), ApplicationItem.SCHEMA, item, "id");
    }

    public DynamoDbTable<ApplicationItem> table() {
        return table;
    }
}
