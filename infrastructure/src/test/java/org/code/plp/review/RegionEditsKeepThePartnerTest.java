package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestHttp;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionStatus;
import org.junit.jupiter.api.Test;

/**
 * Editing, importing, closing and reopening a region whose partner was accepted (its email held, so the
 * acceptance can still be undone): the partner stays named, no second organization can be accepted, and
 * the undo still frees the region.
 */
class RegionEditsKeepThePartnerTest {
    private static final String CSV = "text/csv; charset=utf-8";
    private final ReviewFixture fx = new ReviewFixture();
    private final HeldWorkflow workflow = new HeldWorkflow();
    private final String admin = fx.cloud.bearer("admin@code.org", "admins");

    private static Map<String, Object> body(String summary, String status) {
        Map<String, Object> body = new HashMap<>(Map.of("city", "Testville", "state", "MT", "lat", 46.5, "lng", -110.0,
                "populationServed", Map.of("districts", 3, "schools", 40, "teachers", 900, "students", 12000),
                "programsSought", List.of("csp"), "summary", summary));
        if (status != null) {
            body.put("status", status);
        }
        return body;
    }

    private TestHttp.Response put(String region, Map<String, Object> body) {
        return fx.http.put("/admin/pins/" + region, body, "Authorization", admin);
    }

    private void assertPartner(String region, RegionStatus status, String partnerId) {
        RegionItem stored = fx.findRegion(region);
        assertEquals(status, stored.getStatus());
        assertEquals(partnerId, stored.getPartnerApplicationId());
        assertEquals("Alpha Learning", stored.getPartnerName());
    }

    @Test
    void editsAndImportsKeepTheAcceptedPartnerAndTheHeldAcceptanceCanStillBeUndone() {
        HeldWorkflow.Partnered partnered = workflow.partnered(fx, "keep");
        String region = partnered.region();
        String first = partnered.first();
        String second = partnered.second();
        assertPartner(region, RegionStatus.PARTNER_SELECTED, first);

        TestHttp.Response noStatus = put(region, body("Edited without a status.", null));
        assertEquals(200, noStatus.status(), noStatus::toString);
        assertEquals("partner_selected", noStatus.json().at("/properties/status").textValue(), "the stored status is kept");
        assertPartner(region, RegionStatus.PARTNER_SELECTED, first);
        assertEquals("Edited without a status.", fx.findRegion(region).getSummary());

        assertEquals(200, put(region, body("Edited, status kept.", "partner_selected")).status());
        assertPartner(region, RegionStatus.PARTNER_SELECTED, first);

        TestHttp.Response reopen = put(region, body("Reopened?", "seeking_partner"));
        assertEquals(409, reopen.status(), reopen::toString);
        assertTrue(reopen.contentType().startsWith("application/problem+json"));
        String detail = reopen.json().get("detail").textValue();
        assertTrue(detail.contains(region) && detail.contains("Alpha Learning") && detail.contains(first) && detail.contains("undo"),
                detail);
        assertEquals(List.of("status"), reopen.errorFields());
        assertEquals("Edited, status kept.", fx.findRegion(region).getSummary(), "nothing written");

        assertEquals(200, fx.http.delete("/admin/pins/" + region, "Authorization", admin).status());
        assertPartner(region, RegionStatus.CLOSED, first);
        assertEquals(409, put(region, body("Reopened from closed?", "seeking_partner")).status(), "the console's Reopen");
        assertEquals(200, put(region, body("Back on the map with its partner.", "partner_selected")).status());
        assertPartner(region, RegionStatus.PARTNER_SELECTED, first);

        String header = "regionId,city,state,lat,lng,districts,schools,teachers,students,programsSought,summary";
        TestHttp.Response imported = fx.http.post("/admin/pins", header + "\r\n" + region
                + ",Testville,MT,46.5,-110.0,3,40,900,12000,csp,Imported without a status\r\n",
                "Content-Type", CSV, "Authorization", admin);
        assertEquals(200, imported.status(), imported::toString);
        assertEquals(1, imported.json().get("updated").intValue(), imported::toString);
        assertPartner(region, RegionStatus.PARTNER_SELECTED, first);
        assertEquals("Imported without a status", fx.findRegion(region).getSummary());

        for (boolean dryRun : new boolean[] {true, false}) {
            TestHttp.Response reopened = fx.http.post("/admin/pins" + (dryRun ? "?dryRun=true" : ""), header + ",status\r\n" + region
                    + ",Testville,MT,46.5,-110.0,3,40,900,12000,csp,Imported to reopen,seeking_partner\r\n",
                    "Content-Type", CSV, "Authorization", admin);
            assertEquals(200, reopened.status(), reopened::toString);
            JsonNode row = reopened.json().get("rows").get(0);
            assertEquals("rejected", row.get("result").textValue(), row::toString);
            assertEquals(List.of("status"), row.get("errors").findValuesAsText("field"));
            assertTrue(row.get("errors").get(0).get("message").textValue().contains("Alpha Learning"), row::toString);
        }
        assertPartner(region, RegionStatus.PARTNER_SELECTED, first);
        assertEquals("Imported without a status", fx.findRegion(region).getSummary());

        APIGatewayProxyResponseEvent refused = workflow.decide(second, Map.of("status", "accepted", "expectedVersion", 2));
        assertEquals(409, refused.getStatusCode(), refused.getBody());
        assertTrue(HeldWorkflow.json(refused).get("detail").textValue().contains("Alpha Learning"), refused.getBody());

        workflow.advance(Duration.ofMinutes(5));
        APIGatewayProxyResponseEvent undone = workflow.undo(first, 3);
        assertEquals(200, undone.getStatusCode(), undone.getBody());
        RegionItem freed = fx.findRegion(region);
        assertEquals(RegionStatus.SEEKING_PARTNER, freed.getStatus());
        assertNull(freed.getPartnerApplicationId());
        assertEquals(200, workflow.decide(second, Map.of("status", "accepted", "expectedVersion", 2)).getStatusCode(),
                "the freed region takes the other organization");
    }
}
