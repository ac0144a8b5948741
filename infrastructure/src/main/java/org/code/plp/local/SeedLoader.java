package org.code.plp.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Loads {@code seed/regions.json} (a {@code note} and a {@code regions} array of RegionItem-shaped
 * objects) into the regions table. A region that exists already is left alone, so a persistent
 * endpoint keeps the edits staff made.
 */
public final class SeedLoader {
    public static final String REGIONS_RESOURCE = "/seed/regions.json";

    private SeedLoader() {
    }

    public static List<RegionItem> regions() {
        try (InputStream in = SeedLoader.class.getResourceAsStream(REGIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + REGIONS_RESOURCE);
            }
            JsonNode root = Json.MAPPER.readTree(in);
            List<RegionItem> regions = new ArrayList<>();
            for (JsonNode region : root.path("regions")) {
                // Local only, so bean mapping is fine here; unknown fields fail loudly.
                regions.add(Json.MAPPER.treeToValue(region, RegionItem.class));
            }
            return regions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts every seed region that is not there yet; returns how many it added. */
    public static int load(Platform platform) {
        DynamoDbTable<RegionItem> table = platform.enhanced().table(new RegionRepository(platform).tableName(), RegionItem.SCHEMA);
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        int added = 0;
        for (RegionItem region : regions()) {
            region.setKind(RegionItem.KIND);
            if (region.getUpdatedAt() == null) {
                region.setUpdatedAt(now);
            }
            try {
                table.putItem(PutItemEnhancedRequest.builder(RegionItem.class).item(region)
                        .conditionExpression(Expression.builder().expression("attribute_not_exists(regionId)").build())
                        .build());
                added++;
            } catch (ConditionalCheckFailedException exists) {
                // Keep what is there.
            }
        }
        return added;
    }
}
