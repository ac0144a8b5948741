package org.code.plp.regions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Regions in DynamoDB. Every list is a Query on the byKind index: never a Scan. */
public class RegionRepository {
    private final DynamoDbTable<RegionItem> table;

    public RegionRepository(Platform platform) {
        this.table = platform.enhanced().table(platform.table("REGIONS_TABLE"), RegionItem.SCHEMA);
    }

    public Optional<RegionItem> find(String regionId) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(regionId).build()));
    }

    /** Adds to a transaction: the region now has its partner (an accepted application). */
    public void markPartnerSelected(WriteTransaction transaction, String regionId, String now) {
        transaction.update("region", table.tableName(),
                Map.of("regionId", AttributeValue.fromS(regionId)),
                "SET #status = :selected, updatedAt = :now", "attribute_exists(regionId)",
                Map.of("#status", "status"),
                Map.of(":selected", AttributeValue.fromS(RegionStatus.PARTNER_SELECTED), ":now", AttributeValue.fromS(now)));
    }

    public List<RegionItem> listAll() {
        return table.index(RegionItem.BY_KIND)
                .query(QueryConditional.keyEqualTo(Key.builder().partitionValue(RegionItem.KIND).build()))
                .stream()
                .flatMap(page -> page.items().stream())
                .toList();
    }

    public void put(RegionItem region) {
        region.setKind(RegionItem.KIND);
        table.putItem(region);
    }

    public String tableName() {
        return table.tableName();
    }
}
