package org.code.plp.regions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the region an interest form belongs to: the same city and state first, else a region
 * whose ZIP prefixes (first three digits, the USPS sectional center) cover the ZIP.
 */
public final class RegionMatcher {
    private RegionMatcher() {
    }

    public static Optional<RegionItem> match(List<RegionItem> regions, String city, String state, String zip) {
        if (city != null && state != null) {
            String wanted = normalise(city);
            for (RegionItem region : regions) {
                if (state.equals(region.getState()) && region.getCity() != null && normalise(region.getCity()).equals(wanted)) {
                    return Optional.of(region);
                }
            }
        }
        if (zip != null && zip.length() >= 3) {
            String prefix = zip.substring(0, 3);
            for (RegionItem region : regions) {
                if (region.getZipPrefixes() != null && region.getZipPrefixes().contains(prefix)) {
                    return Optional.of(region);
                }
            }
        }
        return Optional.empty();
    }

    static String normalise(String city) {
        return city.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("\\s+", " ").strip()
                .replaceFirst("^saint ", "st ");
    }
}
