package org.code.plp.local;

import java.util.List;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;

/** Regions a test makes for itself, so its counters and index partitions hold only that test's records. */
public final class TestRegions {
    private TestRegions() {
    }

    /** A region seeking a partner for CSP, in Montana, not stored yet: a test changes what it needs, then stores it. */
    public static RegionItem seeking(String id, String name) {
        RegionItem region = new RegionItem();
        region.setRegionId(id);
        region.setName(name);
        region.setCity("Testville " + id);
        region.setState("MT");
        region.setLat(46.5);
        region.setLng(-110.0);
        region.setStatus(RegionStatus.SEEKING_PARTNER);
        region.setProgramsSought(List.of("csp"));
        region.setSummary("A region made by a test.");
        return region;
    }

    public static RegionItem store(Platform platform, RegionItem region) {
        new RegionRepository(platform).put(region);
        return region;
    }
}
