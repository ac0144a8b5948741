package org.code.plp.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionMatcherTest {
    private static RegionItem region(String id, String city, String state, String... zips) {
        RegionItem region = new RegionItem();
        region.setRegionId(id);
        region.setCity(city);
        region.setState(state);
        region.setZipPrefixes(List.of(zips));
        return region;
    }

    private final List<RegionItem> regions = List.of(
            region("new-orleans-la", "New Orleans", "LA", "700", "701"),
            region("st-louis-mo", "St. Louis", "MO", "631"),
            region("portland-or", "Portland", "OR", "972"),
            region("portland-me", "Portland", "ME", "041"));

    @Test
    void matchesCityAndStateIgnoringCaseSpacingAndSaint() {
        assertEquals("new-orleans-la", RegionMatcher.match(regions, " new  orleans ", "LA", "99999").orElseThrow().getRegionId());
        assertEquals("st-louis-mo", RegionMatcher.match(regions, "Saint Louis", "MO", null).orElseThrow().getRegionId());
        assertEquals("portland-me", RegionMatcher.match(regions, "Portland", "ME", null).orElseThrow().getRegionId());
    }

    @Test
    void fallsBackToTheZipPrefix() {
        assertEquals("new-orleans-la", RegionMatcher.match(regions, "Metairie", "LA", "70001").orElseThrow().getRegionId());
        assertEquals("portland-or", RegionMatcher.match(regions, null, null, "97201-1234").orElseThrow().getRegionId());
    }

    @Test
    void matchesNothingElsewhere() {
        assertTrue(RegionMatcher.match(regions, "Arlington", "TX", "76010").isEmpty());
    }
}
