package org.code.plp.pins;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionStatus;

/**
 * Regions as GeoJSON (RFC 7946): Point geometry [lng, lat], id = regionId. Only the public
 * fields of a region are written; applicant data is never in a region to begin with.
 */
public final class PinFeatures {
    public static final String MEDIA_TYPE = "application/geo+json";

    private PinFeatures() {
    }

    /** A GeoJSON Feature: {@code geometry} is null for an unlocated region (RFC 7946 3.2). */
    public record Feature<P>(String type, String id, Point geometry, P properties) {
    }

    public record Point(String type, List<Double> coordinates) {
    }

    public record Collection(String type, List<Feature<Pin>> features) {
    }

    /** What the map shows of a region. */
    public record Pin(String city, String state, String name, RegionStatus status, Population populationServed,
                      List<String> programsSought, String summary) {
    }

    public record Population(Long districts, Long schools, Long teachers, Long students) {
    }

    /** The one-pin view: the pin, its long description and, when counted, the open applications. */
    public record PinDetail(@JsonUnwrapped Pin pin, String description, List<String> zipPrefixes,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long openApplications) {
    }

    /** Whether the region can be a pin; one stored without coordinates (not through PUT or import) cannot. */
    public static boolean hasPosition(RegionItem region) {
        return region.getLat() != null && region.getLng() != null;
    }

    /** The regions that have a position, as a FeatureCollection. */
    public static Collection collection(List<RegionItem> regions) {
        return new Collection("FeatureCollection",
                regions.stream().filter(PinFeatures::hasPosition).map(PinFeatures::feature).toList());
    }

    public static Feature<Pin> feature(RegionItem region) {
        return feature(region, pin(region));
    }

    /**
     * The one-pin view: the list's feature plus the long description and, when given, the
     * open-application count (a number, never anything about the applicants).
     */
    public static Feature<PinDetail> detail(RegionItem region, Long openApplications) {
        return feature(region, new PinDetail(pin(region), region.getDescription(),
                // The region editor sends the whole region back (PUT replaces it), so the detail carries what it matches by.
                region.getZipPrefixes() == null ? List.of() : List.copyOf(region.getZipPrefixes()), openApplications));
    }

    private static <P> Feature<P> feature(RegionItem region, P properties) {
        Point geometry = hasPosition(region) ? new Point("Point", List.of(region.getLng(), region.getLat())) : null;
        return new Feature<>("Feature", region.getRegionId(), geometry, properties);
    }

    private static Pin pin(RegionItem region) {
        return new Pin(region.getCity(), region.getState(), region.getName(), region.getStatus(),
                new Population(region.getDistricts(), region.getSchools(), region.getTeachers(), region.getStudents()),
                region.getProgramsSought() == null ? List.of() : region.getProgramsSought(), region.getSummary());
    }
}
