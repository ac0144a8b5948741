package org.code.plp.pins;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small RFC 7946 checker for what the map serves: a FeatureCollection of Point Features.
 * Returns every violation found (empty when valid), each naming where it is.
 */
final class GeoJsonRfc7946 {
    private GeoJsonRfc7946() {
    }

    static List<String> featureCollectionProblems(JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            problems.add("$: a GeoJSON text is a JSON object (RFC 7946 3)");
            return problems;
        }
        if (!"FeatureCollection".equals(root.path("type").asText(null))) {
            problems.add("$.type: must be \"FeatureCollection\" (3.3)");
        }
        common(root, "$", problems);
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            problems.add("$.features: a FeatureCollection has a \"features\" array (3.3)");
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            String at = "$.features[" + i + "]";
            problems.addAll(featureProblems(features.get(i), at));
            JsonNode id = features.get(i).get("id");
            if (id != null && !ids.add(id.asText())) {
                problems.add(at + ".id: repeats another feature's id");
            }
        }
        return problems;
    }

    static List<String> featureProblems(JsonNode feature, String at) {
        List<String> problems = new ArrayList<>();
        if (feature == null || !feature.isObject()) {
            problems.add(at + ": a Feature is a JSON object (3.2)");
            return problems;
        }
        if (!"Feature".equals(feature.path("type").asText(null))) {
            problems.add(at + ".type: must be \"Feature\" (3.2)");
        }
        common(feature, at, problems);
        JsonNode id = feature.get("id");
        if (id == null || !(id.isTextual() || id.isNumber())) {
            problems.add(at + ".id: the map needs an id, and RFC 7946 3.2 allows only a string or a number");
        }
        if (!feature.has("properties") || !(feature.get("properties").isObject() || feature.get("properties").isNull())) {
            problems.add(at + ".properties: a Feature has \"properties\", an object or null (3.2)");
        }
        JsonNode geometry = feature.get("geometry");
        if (geometry == null || !geometry.isObject()) {
            problems.add(at + ".geometry: a Feature has a geometry object (the map needs one) (3.2)");
            return problems;
        }
        if (!"Point".equals(geometry.path("type").asText(null))) {
            problems.add(at + ".geometry.type: must be \"Point\"");
        }
        JsonNode position = geometry.get("coordinates");
        if (position == null || !position.isArray() || position.size() < 2 || position.size() > 3) {
            problems.add(at + ".geometry.coordinates: a position is an array of two or three numbers (3.1.1)");
            return problems;
        }
        for (JsonNode n : position) {
            if (!n.isNumber()) {
                problems.add(at + ".geometry.coordinates: every element is a number (3.1.1)");
                return problems;
            }
        }
        double lng = position.get(0).doubleValue();
        double lat = position.get(1).doubleValue();
        if (lng < -180 || lng > 180) {
            problems.add(at + ".geometry.coordinates[0]: longitude " + lng + " is outside [-180, 180] (4)");
        }
        if (lat < -90 || lat > 90) {
            problems.add(at + ".geometry.coordinates[1]: latitude " + lat + " is outside [-90, 90] (4)");
        }
        return problems;
    }

    private static void common(JsonNode node, String at, List<String> problems) {
        if (node.has("crs")) {
            problems.add(at + ".crs: removed by RFC 7946 (4); coordinates are WGS 84");
        }
        JsonNode bbox = node.get("bbox");
        if (bbox != null && (!bbox.isArray() || bbox.size() % 2 != 0 || bbox.size() < 4)) {
            problems.add(at + ".bbox: an array of 2*n numbers (5)");
        }
    }
}
