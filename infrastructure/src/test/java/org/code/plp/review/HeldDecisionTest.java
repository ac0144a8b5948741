package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.regions.RegionStatus;
import org.junit.jupiter.api.Test;

/** Decision emails held DECISION_EMAIL_HOLD_MINUTES with an undo, through the handler on a test clock. */
class HeldDecisionTest {
    private final ReviewFixture fx = new ReviewFixture();
    private final HeldWorkflow workflow = new HeldWorkflow();

    private static JsonNode ok(APIGatewayProxyResponseEvent response) {
        assertEquals(200, response.getStatusCode(), response.getBody());
        return HeldWorkflow.json(response);
    }

    @Test
    void anUndoneAcceptanceReturnsTheStatusLogsBothCancelsTheEmailAndFreesTheRegion() {
        String region = fx.region();
        String id = fx.apply(ReviewFixture.form(region, "Undo Academy", "Ada", "Undone"));
        String address = "ada.undone@example.org";
        fx.move(id, "pending", 1);
        Instant decidedAt = workflow.now();
        JsonNode accepted = ok(workflow.decide(id, Map.of("status", "accepted", "expectedVersion", 2, "note", "Strong.")));
        JsonNode held = accepted.get("held");
        assertEquals(decidedAt.plus(HeldWorkflow.HOLD).toEpochMilli(), Instant.parse(held.get("until").textValue()).toEpochMilli());
        assertEquals("pending", held.get("undoTo").textValue());
        assertEquals(address, held.get("emailTo").textValue());
        String email = id + "#accepted#v3";
        assertEquals(OutboxItem.PENDING, fx.outboxState(email), "held, not sent");
        assertEquals(RegionStatus.PARTNER_SELECTED, fx.findRegion(region).getStatus());

        workflow.advance(Duration.ofMinutes(9));
        JsonNode undone = ok(workflow.undo(id, 3));
        assertEquals("pending", undone.get("status").textValue());
        assertEquals(4, undone.get("version").longValue());
        assertNull(undone.get("held"));
        assertEquals(List.of("unreviewed", "pending", "accepted", "pending"), undone.get("statusLog").findValuesAsText("status"));
        assertEquals("accepted", undone.get("statusLog").get(3).get("undid").textValue());
        assertEquals(OutboxItem.CANCELLED, fx.outboxState(email));
        assertEquals(RegionStatus.SEEKING_PARTNER, fx.findRegion(region).getStatus(), "an undone acceptance gives the region back");
        assertNull(fx.findRegion(region).getPartnerApplicationId());
        assertEquals(Map.of("unreviewed", 0L, "pending", 1L, "accepted", 0L), fx.regionCounts(region));

        workflow.sweepAt(workflow.now().plus(Duration.ofMinutes(5)));
        assertEquals(OutboxItem.CANCELLED, fx.outboxState(email));
        assertEquals(0, fx.decisionMailTo(address), "the undone decision's email never goes out");
        assertEquals(409, workflow.undo(id, 4).getStatusCode(), "nothing left to undo");
    }

    @Test
    void onlyTheStandingDecisionsEmailIsSentOnceAndAnUndoAfterTheHoldIsA409() {
        String region = fx.region();
        String id = fx.apply(ReviewFixture.form(region, "Standing Org", "Ada", "Standing"));
        String address = "ada.standing@example.org";
        ok(workflow.decide(id, Map.of("status", "interview", "expectedVersion", 1)));
        workflow.advance(Duration.ofMinutes(1));
        APIGatewayProxyResponseEvent blocked = workflow.decide(id, Map.of("status", "declined", "expectedVersion", 2));
        assertEquals(409, blocked.getStatusCode(), blocked.getBody());
        assertTrue(HeldWorkflow.json(blocked).get("detail").textValue().contains("Undo"), blocked.getBody());

        ok(workflow.undo(id, 2));
        ok(workflow.decide(id, Map.of("status", "declined", "expectedVersion", 3)));
        Instant due = workflow.now().plus(HeldWorkflow.HOLD);
        workflow.advance(HeldWorkflow.HOLD);
        APIGatewayProxyResponseEvent late = workflow.undo(id, 4);
        assertEquals(409, late.getStatusCode(), late.getBody());
        assertTrue(HeldWorkflow.json(late).get("detail").textValue().contains("final"), late.getBody());

        workflow.sweepAt(due);
        workflow.sweepAt(due.plus(Duration.ofMinutes(1)));
        assertEquals(OutboxItem.SENT, fx.outboxState(id + "#declined#v4"));
        assertEquals(OutboxItem.CANCELLED, fx.outboxState(id + "#interview#v2"));
        assertEquals(1, fx.decisionMailTo(address), "one email: the standing decision's, once");
        JsonNode detail = fx.detail(id);
        assertEquals(List.of("unreviewed", "interview", "unreviewed", "declined"), detail.get("statusLog").findValuesAsText("status"));
    }

    @Test
    void aReviewerRecusedFromTheApplicationCannotUndoAnothersDecision() {
        String id = fx.apply(ReviewFixture.form(fx.region(), "Recusal Org", "Ada", "Recusal"));
        ok(workflow.decide(id, Map.of("status", "interview", "expectedVersion", 1)));
        assertEquals(201, workflow.recuse("conflicted-reviewer", id).getStatusCode());
        workflow.advance(Duration.ofMinutes(1));
        APIGatewayProxyResponseEvent refused = workflow.undoAs("conflicted-reviewer", id, 2);
        assertEquals(403, refused.getStatusCode(), refused.getBody());
        assertTrue(HeldWorkflow.json(refused).get("type").textValue().endsWith("/recused"), refused.getBody());
        assertEquals("interview", fx.detail(id).get("status").textValue(), "nothing undone");
        assertEquals(OutboxItem.PENDING, fx.outboxState(id + "#interview#v2"), "the email is still held");
        assertEquals("unreviewed", ok(workflow.undo(id, 2)).get("status").textValue(), "a reviewer not recused can");
    }
}
