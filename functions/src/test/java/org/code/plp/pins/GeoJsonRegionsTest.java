package org.code.plp.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.platform.Json;
import org.code.plp.regions.RegionItem;
import org.junit.jupiter.api.Test;

class GeoJsonRegionsTest {
    @Test
    void readsWhatGetPinsServes() {
        RegionItem region = new RegionValidator().validate(RegionValidatorTest.good(), null, Instant.EPOCH).region();
        region.setZipPrefixes(null);
        ObjectNode served = (ObjectNode) Json.tree(PinFeatures.collection(List.of(region)));
        List<RegionRow> rows = GeoJsonRegions.rows(served, 10);
        assertEquals(1, rows.size());
        assertTrue(rows.getFirst().errors().isEmpty());
        var again = new RegionValidator().validate(rows.getFirst().input(), null, Instant.EPOCH);
        assertTrue(again.valid(), () -> again.errors().toString());
        assertEquals(Json.write(PinFeatures.feature(region)), Json.write(PinFeatures.feature(again.region())));
    }

    @Test
    void aRegionWithoutCoordinatesIsNoPin() {
        RegionItem located = new RegionValidator().validate(RegionValidatorTest.good(), null, Instant.EPOCH).region();
        RegionItem unlocated = new RegionValidator().validate(RegionValidatorTest.good(), null, Instant.EPOCH).region();
        unlocated.setRegionId("elsewhere-la");
        unlocated.setLat(null);
        assertEquals(1, PinFeatures.collection(List.of(located, unlocated)).features().size());
        assertTrue(Json.tree(PinFeatures.detail(unlocated, 0L)).get("geometry").isNull());
    }

    @Test
    void ignoresTheComputedCountOfTheDetailView() {
        RegionItem region = new RegionValidator().validate(RegionValidatorTest.good(), null, Instant.EPOCH).region();
        ObjectNode input = GeoJsonRegions.toInput(Json.tree(PinFeatures.detail(region, 4L)), new java.util.ArrayList<>());
        assertTrue(new RegionValidator().validate(input, null, Instant.EPOCH).valid());
    }

    @Test
    void namesWhatIsWrongWithAFeature() {
        ObjectNode collection = (ObjectNode) Json.read("""
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","id":"a-la","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]},"properties":{}},
                  {"type":"Feature","id":"b-la","geometry":{"type":"Point","coordinates":["-90","29"]},"properties":{"regionId":"c-la"}},
                  {"type":"Feature","geometry":{"type":"Point","coordinates":[-90,29]},"properties":null},
                  42]}
                """);
        List<RegionRow> rows = GeoJsonRegions.rows(collection, 10);
        assertEquals(List.of("geometry"), fields(rows.get(0)));
        assertEquals(List.of("id", "geometry.coordinates"), fields(rows.get(1)));
        assertEquals(List.of("properties"), fields(rows.get(2)));
        assertEquals(List.of("feature"), fields(rows.get(3)));
        assertEquals(4, rows.get(3).row());
    }

    @Test
    void rejectsAFileThatIsNotAFeatureCollection() {
        assertEquals("type", assertThrows(Problem.class, () -> GeoJsonRegions.rows((ObjectNode) Json.read("{\"type\":\"Feature\"}"), 10))
                .errors().getFirst().field());
        assertEquals("features", assertThrows(Problem.class, () -> GeoJsonRegions.rows(
                (ObjectNode) Json.read("{\"type\":\"FeatureCollection\",\"features\":{}}"), 10)).errors().getFirst().field());
        assertEquals(400, assertThrows(Problem.class, () -> GeoJsonRegions.rows(
                (ObjectNode) Json.read("{\"type\":\"FeatureCollection\",\"features\":[]}"), 10)).status());
        assertEquals(413, assertThrows(Problem.class, () -> GeoJsonRegions.rows(
                (ObjectNode) Json.read("{\"type\":\"FeatureCollection\",\"features\":[1,2,3]}"), 2)).status());
    }

    private static List<String> fields(RegionRow row) {
        return row.errors().stream().map(FieldError::field).toList();
    }
}
