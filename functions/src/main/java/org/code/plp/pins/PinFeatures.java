package org.code.plp.pins;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.code.plp.platform.Json;
import org.code.plp.regions.RegionItem;

/**
 * Regions as GeoJSON (RFC 7946): Point geometry [lng, lat], id = regionId. Only the public
 * fields of a region are written; applicant data is never in a region to begin with.
 */
public final class PinFeatures {
    public static final String MEDIA_TYPE = "application/geo+json";

    private PinFeatures() {
    }

    /** Whether the region can be a pin; one stored without coordinates (not through PUT or import) cannot. */
    public static boolean hasPosition(RegionItem region) {
        return region.getLat() != null && region.getLng() != null;
    }

    /** The regions that have a position, as a FeatureCollection. */
    public static ObjectNode collection(List<RegionItem> regions) {
        ObjectNode collection = Json.object();
        collection.put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        regions.stream().filter(PinFeatures::hasPosition).forEach(region -> features.add(feature(region)));
        return collection;
    }

    public static ObjectNode feature(RegionItem region) {
        ObjectNode feature = Json.object();
        feature.put("type", "Feature");
        feature.put("id", region.getRegionId());
        if (hasPosition(region)) {
            ObjectNode geometry = feature.putObject("geometry");
            geometry.put("type", "Point");
            geometry.putArray("coordinates").add(region.getLng()).add(region.getLat());
        } else {
            feature.putNull("geometry"); // RFC 7946 3.2: an unlocated feature
        }
        ObjectNode properties = feature.putObject("properties");
        properties.put("city", region.getCity());
        properties.put("state", region.getState());
        properties.put("name", region.getName());
        properties.put("status", region.getStatus());
        ObjectNode population = properties.putObject("populationServed");
        population.put("districts", region.getDistricts());
        population.put("schools", region.getSchools());
        population.put("teachers", region.getTeachers());
        population.put("students", region.getStudents());
        ArrayNode programs = properties.putArray("programsSought");
        if (region.getProgramsSought() != null) {
            region.getProgramsSought().forEach(programs::add);
        }
        properties.put("summary", region.getSummary());
        return feature;
    }

    /**
     * The one-pin view: the list's feature plus the long description and, when given, the
     * open-application count (a number, never anything about the applicants).
     */
    public static ObjectNode detail(RegionItem region, Long openApplications) {
        ObjectNode feature = feature(region);
        ObjectNode properties = (ObjectNode) feature.get("properties");
        properties.put("description", region.getDescription());
        // The region editor sends the whole region back (PUT replaces it), so the detail carries what it matches by.
        ArrayNode zips = properties.putArray("zipPrefixes");
        if (region.getZipPrefixes() != null) {
            region.getZipPrefixes().forEach(zips::add);
        }
        if (openApplications != null) {
            properties.put("openApplications", openApplications);
        }
        return feature;
    }
}
