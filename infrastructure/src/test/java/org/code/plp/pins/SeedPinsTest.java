package org.code.plp.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.code.plp.http.FieldError;
import org.code.plp.local.SeedLoader;
import org.code.plp.regions.RegionItem;
import org.junit.jupiter.api.Test;

/** The seed regions pass the same rules staff edits do, and cover the map: many states, every program. */
class SeedPinsTest {
    @Test
    void everySeedRegionPassesTheRegionRules() {
        List<RegionItem> seed = SeedLoader.regions();
        for (RegionItem region : seed) {
            List<FieldError> errors = new ArrayList<>();
            var input = GeoJsonRegions.toInput(org.code.plp.platform.Json.tree(PinFeatures.detail(region, null)), errors);
            input.set("zipPrefixes", org.code.plp.platform.Json.MAPPER.valueToTree(region.getZipPrefixes()));
            errors.addAll(new RegionValidator().validate(input, null, Instant.EPOCH).errors());
            assertEquals(List.of(), errors, region.getRegionId());
        }
        assertEquals(seed.size(), seed.stream().map(RegionItem::getRegionId).distinct().count(), "ids are unique");
        assertTrue(seed.stream().map(RegionItem::getState).distinct().count() >= 30);
        Set<String> programs = seed.stream().flatMap(r -> r.getProgramsSought().stream()).collect(Collectors.toSet());
        assertEquals(Set.of("csp", "csd", "ecs", "cs_in_science", "cs_in_algebra"), programs);
        assertEquals(Set.of("seeking_partner", "partner_selected", "closed"),
                seed.stream().map(r -> r.getStatus().wire()).collect(Collectors.toSet()));
    }
}
