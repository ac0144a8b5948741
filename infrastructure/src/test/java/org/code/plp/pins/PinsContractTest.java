package org.code.plp.pins;

import static org.code.plp.pins.PinsFixtures.ADMIN;
import static org.code.plp.pins.PinsFixtures.newRegionId;
import static org.code.plp.pins.PinsFixtures.region;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.code.plp.local.SeedLoader;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestForms;
import org.code.plp.local.TestHttp;
import org.code.plp.regions.RegionItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /pins and GET /pins/{regionId} over HTTP against the local cloud, as API.md says. */
class PinsContractTest {
    private static final Set<String> LIST_PROPERTIES = Set.of("city", "state", "name", "status", "populationServed",
            "programsSought", "summary");
    private final TestCloud cloud = TestCloud.shared();
    private final TestHttp http = cloud.http();

    @BeforeAll
    static void shortCache() {
        // The template says 60 s; a one-second cache lets the staleness test wait only that long.
        TestCloud.shared().cloud().putEnv(PinResponses.CACHE_SECONDS, "1");
    }

    @AfterAll
    static void templateCache() {
        TestCloud cloud = TestCloud.shared();
        cloud.cloud().putEnv(PinResponses.CACHE_SECONDS, cloud.template().function("ListPinsFunction").env()
                .get(PinResponses.CACHE_SECONDS));
    }

    @Test
    void listsTheSeedPinsAsValidGeoJsonWithCacheHeaders() {
        TestHttp.Response response = http.get("/pins");
        assertEquals(200, response.status(), response.toString());
        assertEquals("application/geo+json", response.contentType());
        assertEquals("public, max-age=300", response.header("Cache-Control").orElseThrow());
        String etag = response.header("ETag").orElseThrow();
        assertTrue(etag.matches("\"[A-Za-z0-9_-]+\""), etag);
        JsonNode collection = response.json();
        assertEquals(List.of(), GeoJsonRfc7946.featureCollectionProblems(collection));
        List<String> ids = ids(collection);
        List<RegionItem> seed = SeedLoader.regions();
        assertTrue(seed.size() >= 30, "seed has 30+ regions: " + seed.size());
        assertTrue(ids.containsAll(List.of("new-orleans-la", "memphis-tn", "anchorage-ak", "honolulu-hi", "phoenix-az")), ids.toString());
        assertFalse(ids.contains("chicago-il"), "closed regions leave the default map");
        for (RegionItem region : seed) {
            assertEquals(!region.getStatus().wire().equals("closed"), ids.contains(region.getRegionId()), region.getRegionId());
        }
        for (JsonNode feature : collection.get("features")) {
            JsonNode properties = feature.get("properties");
            Set<String> names = new java.util.HashSet<>();
            properties.fieldNames().forEachRemaining(names::add);
            assertEquals(LIST_PROPERTIES, names, feature.toString());
            assertTrue(Set.of("seeking_partner", "partner_selected").contains(properties.get("status").asText()));
        }
        for (RegionItem region : seed.stream().filter(r -> !r.getStatus().wire().equals("closed")).toList()) {
            JsonNode properties = feature(collection, region.getRegionId()).get("properties");
            for (String count : List.of("districts", "schools", "teachers", "students")) {
                assertTrue(properties.get("populationServed").get(count).isIntegralNumber(), region.getRegionId() + " " + count);
            }
            assertFalse(properties.get("programsSought").isEmpty(), region.getRegionId());
        }
        JsonNode orleans = feature(collection, "new-orleans-la");
        assertEquals(-90.0715, orleans.at("/geometry/coordinates/0").asDouble(), 1e-9);
        assertEquals(29.9511, orleans.at("/geometry/coordinates/1").asDouble(), 1e-9);
    }

    @Test
    void filtersByStatusAndState() {
        List<String> closed = ids(http.get("/pins?status=closed").json());
        assertTrue(closed.contains("chicago-il"), closed.toString());
        http.get("/pins?status=closed").json().get("features")
                .forEach(f -> assertEquals("closed", f.at("/properties/status").asText()));

        JsonNode louisiana = http.get("/pins?state=la").json();
        assertTrue(ids(louisiana).contains("new-orleans-la"));
        louisiana.get("features").forEach(f -> assertEquals("LA", f.at("/properties/state").asText()));

        List<String> selectedInArizona = ids(http.get("/pins?status=partner_selected&state=AZ").json());
        assertTrue(selectedInArizona.contains("phoenix-az"), selectedInArizona.toString());
        assertTrue(ids(http.get("/pins?status=seeking_partner&state=AZ").json()).isEmpty());
    }

    @Test
    void badFiltersAre400ProblemsNamingTheParameter() {
        TestHttp.Response status = http.get("/pins?status=open");
        assertEquals(400, status.status(), status.toString());
        assertTrue(status.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("status"), status.errorFields());
        TestHttp.Response state = http.get("/pins?state=PR");
        assertEquals(400, state.status());
        assertEquals(List.of("state"), state.errorFields());
    }

    @Test
    void ifNoneMatchGives304ForTheSameTagInAnyForm() {
        TestHttp.Response first = http.get("/pins?state=TN");
        String etag = first.header("ETag").orElseThrow();
        for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"nope\", " + etag, "*")) {
            TestHttp.Response again = http.get("/pins?state=TN", "If-None-Match", ifNoneMatch);
            assertEquals(304, again.status(), ifNoneMatch);
            assertEquals(0, again.bytes().length);
            assertEquals(etag, again.header("ETag").orElseThrow());
            assertEquals("public, max-age=300", again.header("Cache-Control").orElseThrow());
        }
        assertEquals(200, http.get("/pins?state=TN", "If-None-Match", "\"nope\"").status());
        assertFalse(etag.equals(http.get("/pins?state=LA").header("ETag").orElseThrow()), "another body, another tag");
    }

    @Test
    void onePinHasItsDescriptionAndOpenApplicationCountButNoApplicantData() {
        String id = newRegionId();
        assertEquals(201, http.put("/admin/pins/" + id, region("Count test"), "Authorization", cloud.bearer(ADMIN, "admins")).status());
        Map<String, Object> form = TestForms.application(id, "Green Country STEM", "Ada", "Lovelace", "ada.pins@example.org");
        form.put("organization", Map.of("name", "Green Country STEM", "type", "nonprofit",
                "address", Map.of("street", "1 Main St", "city", "Tulsa", "state", "OK", "zip", "74103"), "phone", "918-555-0100"));
        TestHttp.Response submitted = http.post("/applications", form);
        assertEquals(201, submitted.status(), submitted.toString());

        TestHttp.Response pin = http.get("/pins/" + id);
        assertEquals(200, pin.status(), pin.toString());
        assertEquals("application/geo+json", pin.contentType());
        assertTrue(pin.header("ETag").isPresent());
        assertEquals("public, max-age=300", pin.header("Cache-Control").orElseThrow());
        JsonNode feature = pin.json();
        assertEquals(List.of(), GeoJsonRfc7946.featureProblems(feature, "$"));
        assertEquals(id, feature.get("id").asText());
        assertEquals("Sample data.", feature.at("/properties/description").asText());
        assertEquals(1, feature.at("/properties/openApplications").asLong());
        for (String applicantData : List.of("Green Country STEM", "ada.pins@example.org", "Lovelace", "918-555")) {
            assertFalse(pin.body().contains(applicantData), applicantData);
        }
        assertEquals(304, http.get("/pins/" + id, "If-None-Match", pin.header("ETag").orElseThrow()).status());
    }

    @Test
    void unknownPinsAre404Problems() {
        for (String path : List.of("/pins/no-such-region-zz", "/pins/NOT%20A%20SLUG")) {
            TestHttp.Response response = http.get(path);
            assertEquals(404, response.status(), path + " " + response);
            assertTrue(response.contentType().startsWith("application/problem+json"));
        }
    }

    @Test
    void anEditShowsOnTheMapWithinTheCacheAge() throws InterruptedException {
        String id = newRegionId();
        String admin = cloud.bearer(ADMIN, "admins");
        assertEquals(201, http.put("/admin/pins/" + id, region("Before"), "Authorization", admin).status());
        waitForCacheAge();
        assertEquals("Before", feature(http.get("/pins?state=OK").json(), id).at("/properties/summary").asText());
        assertEquals(200, http.put("/admin/pins/" + id, region("After"), "Authorization", admin).status());
        waitForCacheAge();
        assertEquals("After", feature(http.get("/pins?state=OK").json(), id).at("/properties/summary").asText());
        assertEquals("After", http.get("/pins/" + id).json().at("/properties/summary").asText());

        assertEquals(200, http.delete("/admin/pins/" + id, "Authorization", admin).status());
        waitForCacheAge();
        assertFalse(ids(http.get("/pins?state=OK").json()).contains(id), "closed pins leave the default map");
        assertTrue(ids(http.get("/pins?status=closed&state=OK").json()).contains(id));
        assertEquals("closed", http.get("/pins/" + id).json().at("/properties/status").asText());
    }

    private static void waitForCacheAge() throws InterruptedException {
        Thread.sleep(1_100);
    }

    static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.get("features").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }

    static JsonNode feature(JsonNode collection, String id) {
        for (JsonNode f : collection.get("features")) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("No feature " + id + " in " + ids(collection));
    }
}
