package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.code.plp.local.AuditTrail;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.Test;

/**
 * Every kind of staff access to applicants' data leaves one audit entry (who, what, when), written in the
 * same request, holding ids, filters and counts and never the data: a detail read, each export, a decision,
 * its undo, a close-out and each region change. Each test signs in as a staff member of its own, so the
 * entries it looks for are its own.
 */
class StaffAuditTest {
    private final ReviewFixture fx = new ReviewFixture();
    private final TestCloud cloud = fx.cloud;
    private final TestHttp http = fx.http;
    private final String auditor = cloud.bearer("audit-reader@code.org", "admins");

    private static String actor(String role) {
        return TestCloud.uniqueId(role).replaceAll("[^a-z0-9-]", "") + "@code.org";
    }

    private List<JsonNode> entries(String actor, String action, String target) {
        return AuditTrail.of(http, auditor, actor, action, target);
    }

    @Test
    void aDetailReadAndEachExportAreRecordedOnceWithoutTheData() {
        String region = fx.region();
        String id = fx.apply(ReviewFixture.form(region, "Audited Org", "Octavia", "Auditwright"));
        String reader = actor("reader");
        String bearer = cloud.bearer(reader, "reviewers");

        assertEquals(200, http.get("/admin/applications/" + id, "Authorization", bearer).status());
        List<JsonNode> reads = entries(reader, "application-read", id);
        assertEquals(1, reads.size(), reads.toString());
        assertFalse(reads.get(0).path("at").asText().isEmpty());

        assertEquals(200, http.get("/admin/applications.csv?region=" + region + "&q=auditwright", "Authorization", bearer).status());
        assertEquals(200, http.get("/admin/cohort.csv?parts=true", "Authorization", bearer).status());
        assertEquals(200, http.get("/admin/interest.csv?state=LA", "Authorization", bearer).status());
        JsonNode applications = single(entries(reader, "export", "applications.csv"));
        assertEquals(region, applications.at("/detail/region").asText());
        assertEquals("1", applications.at("/detail/rows").asText(), "how many rows left, not which");
        assertEquals("yes", applications.at("/detail/search").asText(), "a search is recorded, its words are not");
        assertEquals("1", single(entries(reader, "export", "cohort.csv")).at("/detail/part").asText());
        assertEquals("LA", single(entries(reader, "export", "interest.csv")).at("/detail/state").asText());

        String admin = actor("exporter");
        assertEquals(200, http.get("/admin/audit.csv", "Authorization", cloud.bearer(admin, "admins")).status());
        single(entries(admin, "export", "audit.csv"));

        String all = AuditTrail.entries(http, auditor, e -> e.path("actor").asText().equals(reader)).toString().toLowerCase();
        assertFalse(all.contains("auditwright") || all.contains("octavia") || all.contains("audited org"), all);

        // The queue itself is not a read of anyone's detail and is not recorded.
        assertEquals(200, http.get("/admin/applications?region=" + region, "Authorization", bearer).status());
        assertEquals(1, entries(reader, "application-read", id).size());
    }

    @Test
    void aDecisionItsUndoAndACloseOutAreRecorded() {
        String region = fx.region();
        String accepted = fx.apply(region);
        String other = fx.apply(ReviewFixture.form(region, "Second Org", "Grace", "Hopper"));
        String decider = actor("decider");
        String bearer = cloud.bearer(decider, "reviewers");
        var moved = http.post("/admin/applications/" + accepted + "/decision", Map.of("status", "pending", "expectedVersion", 1),
                "Authorization", bearer);
        assertEquals(200, moved.status(), moved.toString());
        JsonNode decision = single(entries(decider, "decision", accepted));
        assertEquals("unreviewed", decision.at("/detail/from").asText());
        assertEquals("pending", decision.at("/detail/to").asText());

        var refused = http.post("/admin/applications/" + accepted + "/decision", Map.of("status", "pending", "expectedVersion", 1),
                "Authorization", bearer);
        assertEquals(409, refused.status());
        assertEquals(1, entries(decider, "decision", accepted).size(), "a refused decision is not recorded as one");

        assertEquals(200, http.post("/admin/applications/" + accepted + "/decision", Map.of("status", "accepted", "expectedVersion", 2),
                "Authorization", bearer).status());
        var closeOut = http.post("/admin/regions/" + region + "/close-out", Map.of("status", "declined"), "Authorization", bearer);
        assertEquals(200, closeOut.status(), closeOut.toString());
        JsonNode summary = single(entries(decider, "close-out", region));
        assertEquals("1", summary.at("/detail/moved").asText());
        assertEquals("declined", summary.at("/detail/to").asText());
        assertEquals("declined", single(entries(decider, "close-out decision", other)).at("/detail/to").asText());

        // Undo needs a hold: the template's workflow with a 10-minute hold on a test clock.
        HeldWorkflow held = new HeldWorkflow();
        String undone = fx.apply(fx.region());
        assertEquals(200, held.decide(undone, Map.of("status", "declined", "expectedVersion", 1)).getStatusCode());
        assertEquals(200, held.undo(undone, 2).getStatusCode());
        JsonNode undo = single(entries(ReviewFixture.REVIEWER, "decision undone", undone));
        assertEquals("declined", undo.at("/detail/from").asText());
        assertEquals("unreviewed", undo.at("/detail/to").asText());
        assertEquals(held.now().toString().substring(0, 16), undo.get("at").asText().substring(0, 16), "when: the request's time");
    }

    @Test
    void everyRegionChangeIsRecordedAndADryRunIsNot() {
        String admin = actor("mapper");
        String bearer = cloud.bearer(admin, "admins");
        String region = TestCloud.uniqueId("audit-pin");
        Object body = Json.read("""
                {"city":"Tulsa","state":"OK","lat":36.154,"lng":-95.9928,"status":"seeking_partner",
                 "populationServed":{"districts":9,"schools":180,"teachers":4100,"students":76000},
                 "programsSought":["csp"],"summary":"Audited","description":"Sample data."}
                """);
        assertEquals(201, http.put("/admin/pins/" + region, body, "Authorization", bearer).status());
        assertEquals(200, http.put("/admin/pins/" + region, body, "Authorization", bearer).status());
        assertEquals(200, http.delete("/admin/pins/" + region, "Authorization", bearer).status());
        List<String> changes = entries(admin, "region-change", region).stream().map(e -> e.at("/detail/change").asText()).toList();
        assertEquals(List.of("closed", "replaced", "created"), changes, "newest first");

        String imported = TestCloud.uniqueId("audit-imp");
        String csv = "regionId,city,state,lat,lng,districts,schools,teachers,students,programsSought,summary\r\n"
                + imported + ",Tulsa,OK,36.15,-95.99,9,180,4100,76000,csp,Imported by a test\r\n";
        var dryRun = http.post("/admin/pins?dryRun=true", csv, "Content-Type", "text/csv", "Authorization", bearer);
        assertEquals(200, dryRun.status(), dryRun.toString());
        assertTrue(entries(admin, "region-change", null).isEmpty(), "a dry run changes nothing and is not recorded");
        var real = http.post("/admin/pins", csv, "Content-Type", "text/csv", "Authorization", bearer);
        assertEquals(200, real.status(), real.toString());
        JsonNode entry = single(entries(admin, "region-change", null));
        assertEquals("imported", entry.at("/detail/change").asText());
        assertEquals(real.json().get("created").asText(), entry.at("/detail/created").asText());
    }

    private static JsonNode single(List<JsonNode> entries) {
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }
}
