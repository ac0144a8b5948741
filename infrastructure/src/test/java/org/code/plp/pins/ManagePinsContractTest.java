package org.code.plp.pins;

import static org.code.plp.pins.PinsFixtures.ADMIN;
import static org.code.plp.pins.PinsFixtures.REVIEWER;
import static org.code.plp.pins.PinsFixtures.newRegionId;
import static org.code.plp.pins.PinsFixtures.region;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.code.plp.platform.Json;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.junit.jupiter.api.Test;

/** PUT/DELETE /admin/pins/{regionId} and POST /admin/pins over HTTP: auth, validation, import reports. */
class ManagePinsContractTest {
    private static final String CSV = "text/csv; charset=utf-8";
    private final TestCloud cloud = TestCloud.shared();
    private final TestHttp http = cloud.http();
    private final String admin = cloud.bearer(ADMIN, "admins");
    private final String reviewer = cloud.bearer(REVIEWER, "reviewers");
    private final RegionRepository regions = new RegionRepository(cloud.platform());

    @Test
    void everyAdminRouteIs401WithoutATokenAnd403ForReviewers() {
        String id = newRegionId();
        String csv = csv(id + ",Tulsa,OK,36.15,-95.99,1,2,3,4,csp,");
        List<Call> calls = List.of(
                new Call("PUT", "/admin/pins/" + id, region("x"), "application/json"),
                new Call("POST", "/admin/pins", csv, CSV),
                new Call("DELETE", "/admin/pins/" + id, null, "application/json"));
        for (Call call : calls) {
            TestHttp.Response anonymous = http.send(call.method(), call.path(), call.body(), "Content-Type", call.contentType());
            assertEquals(401, anonymous.status(), call + " " + anonymous);
            TestHttp.Response forged = http.send(call.method(), call.path(), call.body(), "Content-Type", call.contentType(),
                    "Authorization", "Bearer not.a.token");
            assertEquals(401, forged.status(), call + " " + forged);
            TestHttp.Response asReviewer = http.send(call.method(), call.path(), call.body(), "Content-Type", call.contentType(),
                    "Authorization", reviewer);
            assertEquals(403, asReviewer.status(), call + " " + asReviewer);
            assertTrue(asReviewer.contentType().startsWith("application/problem+json"));
        }
        assertTrue(regions.find(id).isEmpty(), "nothing written by the refused calls");
        // The same calls as an admin: created, imported (updated), closed.
        assertEquals(201, send(calls.get(0)).status());
        assertEquals(200, send(calls.get(1)).status());
        assertEquals(200, send(calls.get(2)).status());
        assertEquals("closed", regions.find(id).orElseThrow().getStatus().wire());
    }

    private record Call(String method, String path, Object body, String contentType) {
    }

    private TestHttp.Response send(Call call) {
        return http.send(call.method(), call.path(), call.body(), "Content-Type", call.contentType(), "Authorization", admin);
    }

    @Test
    void putCreatesThenReplacesAndAnswersTheFeature() {
        String id = newRegionId();
        TestHttp.Response created = http.put("/admin/pins/" + id, region("First"), "Authorization", admin);
        assertEquals(201, created.status(), created.toString());
        assertEquals("/pins/" + id, created.header("Location").orElseThrow());
        assertEquals(id, created.json().get("id").asText());
        assertEquals("Tulsa, OK", created.json().at("/properties/name").asText());

        ObjectNode changed = region("Second").put("status", "partner_selected");
        changed.put("regionId", id);
        TestHttp.Response replaced = http.put("/admin/pins/" + id, changed, "Authorization", admin);
        assertEquals(200, replaced.status(), replaced.toString());
        RegionItem stored = regions.find(id).orElseThrow();
        assertEquals("Second", stored.getSummary());
        assertEquals("partner_selected", stored.getStatus().wire());
        assertEquals(4100L, stored.getTeachers());
    }

    @Test
    void putTakesAGeoJsonFeatureToo() {
        String id = newRegionId();
        String feature = """
                {"type":"Feature","id":"%s","geometry":{"type":"Point","coordinates":[-157.8583,21.3069]},
                 "properties":{"city":"Honolulu","state":"HI","populationServed":{"districts":1,"schools":2,"teachers":3,"students":4},
                 "programsSought":["ecs"]}}
                """.formatted(id);
        TestHttp.Response response = http.put("/admin/pins/" + id, feature, "Authorization", admin, "Content-Type", "application/geo+json");
        assertEquals(201, response.status(), response.toString());
        assertEquals(21.3069, regions.find(id).orElseThrow().getLat(), 1e-9);
    }

    @Test
    void putRejectsBadRegionsNamingEveryFieldAndStoresNothing() {
        String id = newRegionId();
        ObjectNode bad = region("x");
        bad.put("lng", 95.9928).put("state", "ZZ").put("status", "open").put("regionId", "other-id");
        ((ObjectNode) bad.get("populationServed")).put("teachers", -3);
        bad.putArray("programsSought").add("python");
        TestHttp.Response response = http.put("/admin/pins/" + id, bad, "Authorization", admin);
        assertEquals(400, response.status(), response.toString());
        assertTrue(response.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("regionId", "state", "coordinates", "status", "populationServed.teachers", "programsSought[0]"),
                response.errorFields());
        assertTrue(regions.find(id).isEmpty());

        assertEquals(400, http.put("/admin/pins/Bad_Id", region("x"), "Authorization", admin).status());
        assertEquals(415, http.put("/admin/pins/" + id, "city=Tulsa", "Authorization", admin, "Content-Type", "text/plain").status());
        assertEquals(400, http.put("/admin/pins/" + id, "{not json", "Authorization", admin).status());
    }

    @Test
    void deleteClosesAndUnknownIs404() {
        String id = newRegionId();
        http.put("/admin/pins/" + id, region("Closing"), "Authorization", admin);
        TestHttp.Response closed = http.delete("/admin/pins/" + id, "Authorization", admin);
        assertEquals(200, closed.status(), closed.toString());
        assertEquals("closed", closed.json().at("/properties/status").asText());
        assertEquals("Closing", regions.find(id).orElseThrow().getSummary(), "closing keeps the region");
        TestHttp.Response unknown = http.delete("/admin/pins/" + newRegionId(), "Authorization", admin);
        assertEquals(404, unknown.status());
        assertTrue(unknown.contentType().startsWith("application/problem+json"));
    }

    @Test
    void csvImportReportsEveryRowAndStoresOnlyTheGoodOnes() {
        String existing = newRegionId();
        http.put("/admin/pins/" + existing, region("Old"), "Authorization", admin);
        String fresh = newRegionId();
        String bad = newRegionId();
        String text = csv(
                existing + ",Tulsa,OK,36.15,-95.99,1,2,3,4,csp,\"Updated, by CSV\"",
                fresh + ",Wichita,KS,37.6872,-97.3301,20,230,5600,92000,csd;csp,\"Quoted \"\"summary\"\"\"",
                bad + ",Nowhere,ZZ,95,-95.99,-1,2,3,4,python,",
                "too,few,cells",
                fresh + ",Wichita,KS,37.6872,-97.3301,1,1,1,1,csp,duplicate");
        TestHttp.Response response = http.post("/admin/pins", text, "Content-Type", CSV, "Authorization", admin);
        assertEquals(200, response.status(), response.toString());
        JsonNode report = response.json();
        assertEquals(1, report.get("created").asInt());
        assertEquals(1, report.get("updated").asInt());
        assertEquals(3, report.get("rejected").asInt());
        JsonNode rows = report.get("rows");
        assertEquals("updated", rows.get(0).get("result").asText());
        assertEquals("created", rows.get(1).get("result").asText());
        assertEquals(3, rows.get(1).get("line").asInt());
        assertEquals("rejected", rows.get(2).get("result").asText());
        assertEquals(3, rows.get(2).get("row").asInt());
        assertEquals(List.of("state", "lat", "districts", "programsSought[0]"), rows.get(2).get("errors").findValuesAsText("field"));
        assertEquals(List.of("row"), rows.get(3).get("errors").findValuesAsText("field"));
        assertEquals(List.of("regionId"), rows.get(4).get("errors").findValuesAsText("field"));

        assertEquals("Updated, by CSV", regions.find(existing).orElseThrow().getSummary());
        assertEquals("Quoted \"summary\"", regions.find(fresh).orElseThrow().getSummary());
        assertEquals(List.of("csd", "csp"), regions.find(fresh).orElseThrow().getProgramsSought());
        assertTrue(regions.find(bad).isEmpty());
    }

    @Test
    void geoJsonImportReadsWhatTheMapServesAndDryRunStoresNothing() {
        String id = newRegionId();
        JsonNode served = http.get("/pins?state=LA").json();
        ObjectNode copy = PinsContractTest.feature(served, "new-orleans-la").deepCopy();
        copy.put("id", id);
        ObjectNode collection = Json.object().put("type", "FeatureCollection");
        collection.putArray("features").add(copy);

        TestHttp.Response dry = http.post("/admin/pins?dryRun=true", collection, "Content-Type", "application/geo+json",
                "Authorization", admin);
        assertEquals(200, dry.status(), dry.toString());
        assertEquals(1, dry.json().get("created").asInt());
        assertTrue(dry.json().get("dryRun").asBoolean());
        assertTrue(regions.find(id).isEmpty());

        TestHttp.Response real = http.post("/admin/pins", collection, "Authorization", admin);
        assertEquals(200, real.status(), real.toString());
        assertEquals("created", real.json().at("/rows/0/result").asText());
        assertNull(real.json().at("/rows/0/line").textValue());
        assertEquals("LA", regions.find(id).orElseThrow().getState());
    }

    @Test
    void aBadFileAsAWholeIsA4xxProblemAndStoresNothing() {
        Map<String, TestHttp.Response> answers = Map.of(
                "not json", http.post("/admin/pins", "{", "Content-Type", "application/geo+json", "Authorization", admin),
                "not a collection", http.post("/admin/pins", "{\"type\":\"Feature\"}", "Authorization", admin),
                "unknown column", http.post("/admin/pins", "regionId,colour\nx,red\n", "Content-Type", CSV, "Authorization", admin),
                "unclosed quote", http.post("/admin/pins", csv("\"a,b"), "Content-Type", CSV, "Authorization", admin),
                "header only", http.post("/admin/pins", csv(), "Content-Type", CSV, "Authorization", admin));
        answers.forEach((label, response) -> {
            assertEquals(400, response.status(), label + ": " + response);
            assertTrue(response.contentType().startsWith("application/problem+json"), label);
        });
        assertEquals(415, http.post("/admin/pins", "<xml/>", "Content-Type", "application/xml", "Authorization", admin).status());
        String tooMany = csv(java.util.stream.IntStream.range(0, ManagePinsHandler.MAX_IMPORT_ROWS + 1)
                .mapToObj(i -> "r" + i + ",Tulsa,OK,36.15,-95.99,1,2,3,4,csp,").toArray(String[]::new));
        assertEquals(413, http.post("/admin/pins", tooMany, "Content-Type", CSV, "Authorization", admin).status());
        assertTrue(regions.find("r0").isEmpty());
    }

    private static String csv(String... rows) {
        StringBuilder text = new StringBuilder("regionId,city,state,lat,lng,districts,schools,teachers,students,programsSought,summary\r\n");
        for (String row : rows) {
            text.append(row).append("\r\n");
        }
        return text.toString();
    }
}
