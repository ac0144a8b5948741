package org.code.plp.regions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
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

    /** The attributes a staff edit sets (or removes when empty); never the status's partner nor the key. */
    private static final List<String> EDITED = List.of("kind", "name", "city", "state", "lat", "lng", "districts", "schools",
            "teachers", "students", "programsSought", "summary", "description", "zipPrefixes", "updatedAt");

    /** The label of the region's write in a decision's transaction. */
    public static final String LABEL = "region";

    /**
     * Adds to a transaction: the region gets its partner. Only a region still seeking one (never a closed
     * region, never one with a partner): of concurrent acceptances in one region exactly one commits. A
     * deliberate co-partner needs a region that is not closed and has its partner, who stays named (a
     * co-partner of nobody would leave the region filled with no partner named).
     */
    public void acceptPartner(WriteTransaction transaction, String regionId, String applicationId, String partnerName,
                              boolean coPartner, String now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":selected", AttributeValue.fromS(RegionStatus.PARTNER_SELECTED.wire()));
        values.put(":now", AttributeValue.fromS(now));
        if (coPartner) {
            values.put(":closed", AttributeValue.fromS(RegionStatus.CLOSED.wire()));
            values.put(":one", AttributeValue.fromN("1"));
            // Counted so the partner's acceptance cannot be undone from under a co-partner who joined it.
            transaction.update(LABEL, table.tableName(), key(regionId), "SET #status = :selected, updatedAt = :now ADD coPartners :one",
                    "attribute_exists(regionId) AND #status <> :closed AND attribute_exists(partnerApplicationId)",
                    Map.of("#status", "status"), values);
            return;
        }
        values.put(":seeking", AttributeValue.fromS(RegionStatus.SEEKING_PARTNER.wire()));
        values.put(":app", AttributeValue.fromS(applicationId));
        values.put(":name", AttributeValue.fromS(partnerName == null ? "" : partnerName));
        transaction.update(LABEL, table.tableName(), key(regionId),
                "SET #status = :selected, updatedAt = :now, partnerApplicationId = :app, partnerName = :name",
                "attribute_exists(regionId) AND #status = :seeking AND attribute_not_exists(partnerApplicationId)",
                Map.of("#status", "status"), values);
    }

    /**
     * Adds to a transaction: the acceptance of {@code applicationId} is undone, the region seeks a partner again;
     * only while no co-partner's acceptance stands on it (that one is undone first).
     */
    public void releasePartner(WriteTransaction transaction, String regionId, String applicationId, String now) {
        transaction.update(LABEL, table.tableName(), key(regionId),
                "SET #status = :seeking, updatedAt = :now REMOVE partnerApplicationId, partnerName",
                "partnerApplicationId = :app AND #status = :selected AND (attribute_not_exists(coPartners) OR coPartners < :one)",
                Map.of("#status", "status"),
                Map.of(":seeking", AttributeValue.fromS(RegionStatus.SEEKING_PARTNER.wire()),
                        ":selected", AttributeValue.fromS(RegionStatus.PARTNER_SELECTED.wire()),
                        ":app", AttributeValue.fromS(applicationId), ":now", AttributeValue.fromS(now),
                        ":one", AttributeValue.fromN("1")));
    }

    /** Adds to a transaction: a co-partner's acceptance is undone; the partner it joined stays. */
    public void releaseCoPartner(WriteTransaction transaction, String regionId, String now) {
        transaction.update(LABEL, table.tableName(), key(regionId), "SET updatedAt = :now ADD coPartners :minus",
                "coPartners >= :one", Map.of(),
                Map.of(":now", AttributeValue.fromS(now), ":minus", AttributeValue.fromN("-1"), ":one", AttributeValue.fromN("1")));
    }

    /** The regions of these ids that exist (one BatchGetItem per 100). */
    public Map<String, RegionItem> findAll(Collection<String> regionIds) {
        Map<String, RegionItem> found = new HashMap<>();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(regionIds));
        for (int start = 0; start < ids.size(); start += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(start, Math.min(start + 100, ids.size())).stream().map(RegionRepository::key).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table.tableName(), KeysAndAttributes.builder().keys(keys).build());
            for (int attempt = 0; !pending.isEmpty() && attempt < 8; attempt++) {
                var response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
                response.responses().getOrDefault(table.tableName(), List.of()).forEach(item -> {
                    RegionItem region = RegionItem.SCHEMA.mapToItem(item);
                    found.put(region.getRegionId(), region);
                });
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    private static Map<String, AttributeValue> key(String regionId) {
        return Map.of("regionId", AttributeValue.fromS(regionId));
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

    /** What a staff edit did: whether it made the region, and the region as stored now. */
    public record Edit(boolean created, RegionItem stored) {
    }

    /**
     * Creates a region or edits the fields staff edit (an UpdateItem, not a Put): the partner an acceptance
     * wrote stays. A null status keeps the stored one (a new region seeks a partner). Empty, with nothing
     * written, when the edit would set a region with an accepted partner to seeking a partner again: only
     * undoing that acceptance frees the region.
     */
    public Optional<Edit> edit(RegionItem region) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        region.setKind(RegionItem.KIND);
        Map<String, AttributeValue> item = RegionItem.SCHEMA.itemToMap(region, true);
        for (String attribute : EDITED) {
            names.put("#" + attribute, attribute);
            AttributeValue value = item.get(attribute);
            if (value == null) {
                removes.add("#" + attribute);
            } else {
                values.put(":" + attribute, value);
                sets.add("#" + attribute + " = :" + attribute);
            }
        }
        names.put("#status", "status");
        if (region.getStatus() == null) {
            sets.add("#status = if_not_exists(#status, :seeking)");
            values.put(":seeking", AttributeValue.fromS(RegionStatus.SEEKING_PARTNER.wire()));
        } else {
            sets.add("#status = :status");
            values.put(":status", AttributeValue.fromS(region.getStatus().wire()));
        }
        String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        var request = UpdateItemRequest.builder().tableName(table.tableName()).key(key(region.getRegionId()))
                .updateExpression(update).expressionAttributeNames(names).expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_OLD);
        if (region.getStatus() == RegionStatus.SEEKING_PARTNER) {
            request.conditionExpression("attribute_not_exists(partnerApplicationId)");
        }
        Map<String, AttributeValue> old;
        try {
            old = dynamo.updateItem(request.build()).attributes();
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
        boolean created = old == null || old.isEmpty();
        RegionItem before = created ? null : RegionItem.SCHEMA.mapToItem(old);
        if (region.getStatus() == null) {
            region.setStatus(created || before.getStatus() == null ? RegionStatus.SEEKING_PARTNER : before.getStatus());
        }
        if (!created) {
            region.setPartnerApplicationId(before.getPartnerApplicationId());
            region.setPartnerName(before.getPartnerName());
        }
        return Optional.of(new Edit(created, region));
    }

    /**
     * Seeding only (benchmarks): creates or replaces many regions whole, 25 to a batch, retrying what DynamoDB
     * leaves unprocessed. Staff edits go through {@link #edit}, which keeps a region's partner.
     */
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
