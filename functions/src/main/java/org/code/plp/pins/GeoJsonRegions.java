package org.code.plp.pins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.platform.Json;

/**
 * Regions from GeoJSON (RFC 7946): a Feature with a Point geometry [lng, lat] and the pin's
 * properties, the same shape GET /pins serves, so a downloaded map can be edited and re-imported.
 */
public final class GeoJsonRegions {
    /** Properties GET /pins/{id} adds that are computed, not stored: ignored on the way in. */
    private static final List<String> READ_ONLY = List.of("openApplications");

    private GeoJsonRegions() {
    }

    /** The features of a FeatureCollection; a body of any other shape is a 400 for the whole file. */
    public static List<RegionRow> rows(ObjectNode collection, int maxRows) {
        if (!"FeatureCollection".equals(collection.path("type").asText())) {
            throw Problem.field(400, "bad-file", "Bad import file", "type", "Must be \"FeatureCollection\".");
        }
        JsonNode features = collection.get("features");
        if (features == null || !features.isArray()) {
            throw Problem.field(400, "bad-file", "Bad import file", "features", "Must be a list of Features.");
        }
        if (features.isEmpty()) {
            throw Problem.field(400, "bad-file", "Bad import file", "features", "The file has no regions.");
        }
        if (features.size() > maxRows) {
            throw Problem.field(413, "too-many-rows", "Too many regions", "features",
                    "At most " + maxRows + " regions per import; split the file.");
        }
        List<RegionRow> rows = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            List<FieldError> errors = new ArrayList<>();
            ObjectNode input = toInput(features.get(i), errors);
            rows.add(new RegionRow(i + 1, null, input, errors));
        }
        return rows;
    }

    /** A PUT body: a GeoJSON Feature, or the plain region shape. */
    public static RegionRow body(ObjectNode body) {
        if (!"Feature".equals(body.path("type").asText())) {
            return new RegionRow(1, null, body, List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        ObjectNode input = toInput(body, errors);
        return new RegionRow(1, null, input, errors);
    }

    /** The region fields of one Feature; shape errors go to {@code errors} (null when nothing usable). */
    public static ObjectNode toInput(JsonNode feature, List<FieldError> errors) {
        if (feature == null || !feature.isObject()) {
            errors.add(new FieldError("feature", "Must be a GeoJSON Feature object."));
            return null;
        }
        if (!"Feature".equals(feature.path("type").asText())) {
            errors.add(new FieldError("type", "Must be \"Feature\"."));
        }
        JsonNode properties = feature.get("properties");
        ObjectNode input;
        if (properties != null && properties.isObject()) {
            input = ((ObjectNode) properties).deepCopy();
            READ_ONLY.forEach(input::remove);
        } else {
            errors.add(new FieldError("properties", "Must be an object with the region's fields."));
            input = Json.object();
        }
        JsonNode id = feature.get("id");
        if (id != null && !id.isNull()) {
            if (!id.isTextual()) {
                errors.add(new FieldError("id", "Must be the region id, as text."));
            } else if (input.hasNonNull("regionId") && !id.textValue().equals(input.get("regionId").asText())) {
                errors.add(new FieldError("id", "Differs from properties.regionId."));
            } else {
                input.put("regionId", id.textValue());
            }
        }
        point(feature.get("geometry"), input, errors);
        return input;
    }

    private static void point(JsonNode geometry, ObjectNode input, List<FieldError> errors) {
        if (geometry == null || !geometry.isObject() || !"Point".equals(geometry.path("type").asText())) {
            errors.add(new FieldError("geometry", "Must be a Point geometry."));
            return;
        }
        JsonNode coordinates = geometry.get("coordinates");
        // RFC 7946 3.1.1: [longitude, latitude], optionally an altitude.
        if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2 || coordinates.size() > 3
                || !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
            errors.add(new FieldError("geometry.coordinates", "Must be [longitude, latitude] in decimal degrees."));
            return;
        }
        input.set("lng", coordinates.get(0));
        input.set("lat", coordinates.get(1));
    }
}
