package org.code.plp.regions;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.code.plp.pins.PinsReader;
import org.code.plp.pins.TtlCache;

/**
 * Which region serves a place, as Code.org's partner lookup answers it: the region whose ZIP
 * prefixes cover the ZIP (or, for a city, the region in that city), else a region of the state.
 * Only regions on the map count (not closed); one seeking a partner wins over one that has one.
 * Regions come from one Query of the byKind index, kept for the pins' cache age.
 */
public final class RegionLookup {
    /** How a region was found: by ZIP prefix, by city, by state, or not at all (region empty). */
    public record Match(String by, String state, Optional<RegionItem> region) {
        static Match none(String state) {
            return new Match(null, state, Optional.empty());
        }
    }

    private static final Comparator<RegionItem> PREFERRED = Comparator
            .comparing((RegionItem r) -> !RegionStatus.SEEKING_PARTNER.equals(r.getStatus()))
            .thenComparing(RegionItem::getRegionId);

    private final RegionRepository regions;
    private final TtlCache<String, List<RegionItem>> cache;

    public RegionLookup(RegionRepository regions, Clock clock, Duration maxAge) {
        this.regions = regions;
        this.cache = new TtlCache<>(clock, maxAge, 1);
    }

    public Match byZip(String zip) {
        String prefix = zip.substring(0, 3);
        Optional<String> state = ZipStates.stateOf(zip);
        Optional<RegionItem> byPrefix = onMap().stream()
                .filter(r -> r.getZipPrefixes() != null && r.getZipPrefixes().contains(prefix))
                .min(PREFERRED);
        if (byPrefix.isPresent()) {
            return new Match("zip", byPrefix.get().getState(), byPrefix);
        }
        return state.map(this::byState).orElse(Match.none(null));
    }

    public Match byCity(String city, String state) {
        if (city != null) {
            Optional<RegionItem> inCity = RegionMatcher.match(onMap(), city, state, null);
            if (inCity.isPresent()) {
                return new Match("city", state, inCity);
            }
        }
        return byState(state);
    }

    private Match byState(String state) {
        Optional<RegionItem> inState = onMap().stream().filter(r -> state.equals(r.getState())).min(PREFERRED);
        return inState.isPresent() ? new Match("state", state, inState) : Match.none(state);
    }

    private List<RegionItem> onMap() {
        return cache.get("regions", key -> regions.listAll().stream()
                .filter(r -> PinsReader.DEFAULT_STATUSES.contains(r.getStatus()))
                .toList());
    }
}
