package org.code.plp.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.code.plp.local.SeedLoader;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.ZipStates;
import org.junit.jupiter.api.Test;

/** The seed regions and the ZIP-to-state table agree: every region's ZIP prefixes lie in its state. */
class SeedZipPrefixesTest {
    @Test
    void everySeedRegionsZipPrefixesAreInItsState() {
        for (RegionItem region : SeedLoader.regions()) {
            for (String prefix : region.getZipPrefixes() == null ? java.util.List.<String>of() : region.getZipPrefixes()) {
                assertEquals(Optional.of(region.getState()), ZipStates.stateOf(prefix + "00"), region.getRegionId() + " " + prefix);
            }
        }
    }
}
