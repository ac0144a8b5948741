package org.code.plp.regions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Regions in DynamoDB. Every list is a Query on the byKind index: never a Scan. */
public class RegionRepository {
    private static final int BATCH = 25;

    private final DynamoDbTable<RegionItem> table;
    private final DynamoDbClient dynamo;

    public RegionRepository(Platform platform) {
        this.table = platform.enhanced().table(platform.table("REGIONS_TABLE"), RegionItem.SCHEMA);
        this.dynamo = platform.dynamo();
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
                Map.of(":selected", AttributeValue.fromS(RegionStatus.PARTNER_SELECTED.wire()), ":now", AttributeValue.fromS(now)));
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

    /** Creates or replaces a region; true when one with its id was there before. */
    public boolean replace(RegionItem region) {
        region.setKind(RegionItem.KIND);
        var response = table.putItemWithResponse(PutItemEnhancedRequest.builder(RegionItem.class)
                .item(region).returnValues(ReturnValue.ALL_OLD).build());
        return response.attributes() != null;
    }

    /** Creates or replaces many regions, 25 to a batch, retrying what DynamoDB leaves unprocessed. */
    public void replaceAll(List<RegionItem> regions) {
        for (int start = 0; start < regions.size(); start += BATCH) {
            List<WriteRequest> writes = new ArrayList<>();
            for (RegionItem region : regions.subList(start, Math.min(start + BATCH, regions.size()))) {
                region.setKind(RegionItem.KIND);
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                        .item(RegionItem.SCHEMA.itemToMap(region, true)).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table.tableName(), writes);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    sleep(Math.min(1000, 25L << attempt));
                }
                var response = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                if (attempt == 8 && !pending.isEmpty()) {
                    throw new IllegalStateException("DynamoDB left region writes unprocessed after retries");
                }
            }
        }
    }

    /** Sets a region's status to closed; empty when there is no such region. */
    public Optional<RegionItem> close(String regionId, String now) {
        try {
            var response = dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table.tableName())
                    .key(Map.of("regionId", AttributeValue.fromS(regionId)))
                    .updateExpression("SET #status = :closed, updatedAt = :now")
                    .conditionExpression("attribute_exists(regionId)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":closed", AttributeValue.fromS(RegionStatus.CLOSED.wire()),
                            ":now", AttributeValue.fromS(now)))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            return Optional.of(RegionItem.SCHEMA.mapToItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying region writes", e);
        }
    }

    public String tableName() {
        return table.tableName();
    }
}
