package org.code.plp.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /regions/lookup over HTTP against the seed regions. */
class RegionLookupTest {
    private final TestHttp http = TestCloud.shared().http();

    private JsonNode lookup(String query) {
        TestHttp.Response response = http.get("/regions/lookup?" + query);
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    @ParameterizedTest
    @CsvSource({
        "zip=70115, zip, LA, new-orleans-la",
        "zip=38103-1234, zip, TN, memphis-tn",
        "zip=83702, zip, ID, boise-id",
        "city=Memphis&state=tn, city, TN, memphis-tn",
        "city=%C2%A0memphis%C2%A0&state=TN, city, TN, memphis-tn",
    })
    void aZipOrCityInARegionFindsIt(String query, String matchedBy, String state, String regionId) {
        JsonNode answer = lookup(query);
        assertEquals(matchedBy, answer.get("matchedBy").asText());
        assertEquals(state, answer.get("state").asText());
        assertEquals(regionId, answer.get("region").get("id").asText());
    }

    @Test
    void elsewhereInTheStateFindsTheStatesRegion() {
        JsonNode byZip = lookup("zip=70501");
        assertEquals("state", byZip.get("matchedBy").asText());
        assertEquals("LA", byZip.get("region").get("state").asText());
        JsonNode byCity = lookup("city=Knoxville&state=TN");
        assertEquals("state", byCity.get("matchedBy").asText());
        assertEquals("memphis-tn", byCity.get("region").get("id").asText());
    }

    @Test
    void aPlaceNoRegionServesFindsNone() {
        JsonNode boston = lookup("zip=02108");
        assertTrue(boston.get("matchedBy").isNull());
        assertEquals("MA", boston.get("state").asText());
        assertTrue(boston.get("region").isNull());
        assertTrue(lookup("zip=00901").get("region").isNull());
    }

    @ParameterizedTest
    @CsvSource({"zip=abc, zip", "zip=7011, zip", "city=Memphis, state", "'', state", "city=Memphis&state=ZZ, state",
        "city=Mem%E2%80%AEphis&state=TN, city"})
    void aBadQueryIsA400NamingTheParameter(String query, String field) {
        TestHttp.Response response = http.get("/regions/lookup?" + query);
        assertEquals(400, response.status(), response.toString());
        assertEquals(List.of(field), response.errorFields());
    }
}
