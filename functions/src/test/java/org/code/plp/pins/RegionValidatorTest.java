package org.code.plp.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.code.plp.http.FieldError;
import org.code.plp.platform.Json;
import org.code.plp.regions.RegionItem;
import org.junit.jupiter.api.Test;

class RegionValidatorTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final RegionValidator validator = new RegionValidator();

    static ObjectNode good() {
        return (ObjectNode) Json.read("""
                {"regionId":"new-orleans-la","city":"New Orleans","state":"la","lat":29.9511,"lng":-90.0715,
                 "populationServed":{"districts":12,"schools":140,"teachers":3100.0,"students":72000},
                 "programsSought":["csp","csd"],"summary":"Orleans and Jefferson parishes","zipPrefixes":["700","701"]}
                """);
    }

    private List<String> fields(ObjectNode input, String pathId) {
        return validator.validate(input, pathId, NOW).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void acceptsAGoodRegionAndFillsDefaults() {
        RegionValidator.Result result = validator.validate(good(), null, NOW);
        assertTrue(result.valid(), () -> result.errors().toString());
        RegionItem region = result.region();
        assertEquals("LA", region.getState());
        assertEquals("New Orleans, LA", region.getName());
        assertNull(region.getStatus(), "no status sent: the stored one is kept");
        assertEquals(3100L, region.getTeachers());
        assertEquals(List.of("700", "701"), region.getZipPrefixes());
        assertEquals("2026-11-23T12:00:00.000Z", region.getUpdatedAt());
        assertEquals("region", region.getKind());
    }

    @Test
    void requiresTheCoreFields() {
        assertEquals(List.of("regionId", "city", "state", "lat", "lng", "populationServed", "programsSought"),
                fields(Json.object(), null));
    }

    @Test
    void takesTheIdFromThePathAndRejectsADifferentOne() {
        ObjectNode input = good();
        input.remove("regionId");
        assertEquals("baton-rouge-la", validator.validate(input, "baton-rouge-la", NOW).region().getRegionId());
        assertEquals(List.of("regionId"), fields(good(), "baton-rouge-la"));
    }

    @Test
    void rejectsEveryBadValueByName() {
        ObjectNode input = (ObjectNode) Json.read("""
                {"regionId":"New Orleans","city":"X","state":"PR","lat":"29.9","lng":-200,"status":"open",
                 "populationServed":{"districts":-1,"schools":1.5,"teachers":"3","students":null,"pupils":3},
                 "programsSought":["csp","python"],"zipPrefixes":["70","abc"],"color":"red"}
                """);
        assertEquals(List.of("color", "regionId", "state", "lat", "lng", "status",
                        "populationServed.pupils", "populationServed.districts", "populationServed.schools",
                        "populationServed.teachers", "populationServed.students", "programsSought[1]",
                        "zipPrefixes[0]", "zipPrefixes[1]"),
                fields(input, null));
    }

    @Test
    void rejectsPointsOutsideTheUnitedStatesOrSwapped() {
        for (double[] point : new double[][]{{-90.0715, 29.9511}, {51.5, -0.12}, {40.4, -3.7}, {19.43, -99.13}, {-33.9, 151.2}}) {
            ObjectNode input = good();
            input.put("lat", point[0]).put("lng", point[1]);
            assertTrue(fields(input, null).contains("coordinates") || fields(input, null).contains("lat"),
                    () -> point[0] + "," + point[1]);
        }
    }

    @Test
    void acceptsAlaskaAndHawaiiCoordinatesButNotPuertoRicos() {
        // The program's states are the 50 and DC (UsStates); a San Juan pin would have no state to name.
        assertFalse(UsBounds.contains(18.4655, -66.1057));
        for (double[] point : new double[][]{{61.2181, -149.9003}, {21.3069, -157.8583},
                {25.7617, -80.1918}, {47.6062, -122.3321}, {44.8, -66.95}}) {
            assertTrue(UsBounds.contains(point[0], point[1]), () -> point[0] + "," + point[1]);
        }
        assertNull(validator.validate(good().put("lat", 71.0).put("lng", -156.8), null, NOW).errors().stream()
                .filter(e -> e.field().equals("coordinates")).findFirst().orElse(null));
    }
}
