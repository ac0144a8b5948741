package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.local.TestHttp;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.regions.RegionStatus;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** POST /admin/applications/{id}/decision over HTTP against the local cloud. */
class DecisionTest {
    /** The unit test DecisionRulesTest pins this table to the contract; here HTTP must enforce it. */
    private static final Map<String, List<String>> CONTRACT = allowedMoves();

    /** How to reach each status from unreviewed. */
    private static final Map<String, List<String>> PATH = Map.of(
            "unreviewed", List.of(),
            "pending", List.of("pending"),
            "interview", List.of("interview"),
            "accepted", List.of("pending", "accepted"),
            "declined", List.of("declined"),
            "waitlisted", List.of("pending", "waitlisted"),
            "withdrawn", List.of("withdrawn"));

    private final ReviewFixture fx = new ReviewFixture();

    @Test
    void everyMoveOfTheSevenBySevenTableIsAllowedOrRefusedOverHttp() {
        List<String> wrong = new ArrayList<>();
        for (String from : ApplicationStatus.wires()) {
            for (String to : ApplicationStatus.wires()) {
                String id = fx.apply(fx.region());
                long version = 1;
                for (String step : PATH.get(from)) {
                    version = fx.move(id, step, version);
                }
                TestHttp.Response response = fx.decide(id, to, version);
                int expected = CONTRACT.get(from).contains(to) ? 200 : 409;
                if (response.status() != expected) {
                    wrong.add(from + "->" + to + ": " + response);
                } else if (expected == 409) {
                    assertEquals(List.of("status"), response.errorFields(), response::toString);
                    assertTrue(response.contentType().startsWith("application/problem+json"));
                    for (String allowed : CONTRACT.get(from)) {
                        assertTrue(response.json().get("detail").textValue().contains(allowed), response::toString);
                    }
                } else {
                    assertEquals(to, response.json().get("status").textValue());
                    assertEquals(version + 1, response.json().get("version").longValue());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aDecisionWritesTheStatusLogCountersEmailAndVersionTogether() {
        String region = fx.region();
        String id = fx.apply(region);
        assertEquals(Map.of("unreviewed", 1L), fx.regionCounts(region));

        JsonNode after = fx.decide(id, "interview", 1).json();
        assertEquals("interview", after.get("status").textValue());
        assertEquals(2, after.get("version").longValue());
        assertEquals(List.of("unreviewed", "interview"), after.get("statusLog").findValuesAsText("status"));
        JsonNode entry = after.get("statusLog").get(1);
        assertEquals(ReviewFixture.REVIEWER, entry.get("by").textValue());
        assertEquals("Moved to interview.", entry.get("note").textValue());
        assertNotNull(entry.get("at").textValue());
        assertEquals(Map.of("unreviewed", 0L, "interview", 1L), fx.regionCounts(region));

        OutboxItem mail = outbox(id + "#interview#v2");
        assertNotNull(mail, "the interview email is queued");
        assertEquals("ada.lovelace@example.org", mail.getRecipient());
        assertEquals("Crescent City STEM", mail.getData().get("organizationName"));
        assertNull(outbox(id + "#pending#v2"));
    }

    @Test
    void acceptingSelectsTheRegionsPartnerAndEmailsTheApplicant() {
        String region = fx.region();
        String id = fx.apply(region);
        fx.move(id, "pending", 1);
        assertEquals(RegionStatus.SEEKING_PARTNER, fx.findRegion(region).getStatus());
        fx.move(id, "accepted", 2);
        assertEquals(RegionStatus.PARTNER_SELECTED, fx.findRegion(region).getStatus());
        assertNotNull(outbox(id + "#accepted#v3"));
        assertEquals(Map.of("unreviewed", 0L, "pending", 0L, "accepted", 1L), fx.regionCounts(region));
    }

    @Test
    void aStaleVersionIsA409NamingExpectedVersionAndChangesNothing() {
        String region = fx.region();
        String id = fx.apply(region);
        fx.move(id, "pending", 1);
        TestHttp.Response stale = fx.decide(id, "interview", 1);
        assertEquals(409, stale.status(), stale::toString);
        assertEquals(List.of("expectedVersion"), stale.errorFields());
        JsonNode detail = fx.detail(id);
        assertEquals("pending", detail.get("status").textValue());
        assertEquals(2, detail.get("statusLog").size());
        assertNull(outbox(id + "#interview#v3"));
    }

    @Test
    void badDecisionsAre400NamingTheFieldAndUnknownApplications404() {
        String id = fx.apply(fx.region());
        TestHttp.Response unknownStatus = fx.decide(id, "approved", 1);
        assertEquals(400, unknownStatus.status());
        assertEquals(List.of("status"), unknownStatus.errorFields());
        TestHttp.Response noVersion = fx.http.post("/admin/applications/" + id + "/decision", Map.of("status", "pending"),
                "Authorization", fx.reviewer);
        assertEquals(400, noVersion.status());
        assertEquals(List.of("expectedVersion"), noVersion.errorFields());
        assertEquals(404, fx.decide("no-such-application", "pending", 1).status());
        assertEquals("unreviewed", fx.detail(id).get("status").textValue());
    }

    private static Map<String, List<String>> allowedMoves() {
        Map<String, List<String>> moves = new java.util.HashMap<>();
        for (ApplicationStatus status : ApplicationStatus.values()) {
            moves.put(status.wire(), status.allowedNext().stream().map(ApplicationStatus::wire).toList());
        }
        return moves;
    }

    private OutboxItem outbox(String outboxId) {
        var table = fx.cloud.platform().enhanced().table(fx.cloud.env().require("OUTBOX_TABLE"), OutboxItem.SCHEMA);
        return table.getItem(Key.builder().partitionValue(outboxId).build());
    }
}
