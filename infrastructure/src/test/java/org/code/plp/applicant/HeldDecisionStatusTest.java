package org.code.plp.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.code.plp.applicant.AccessTokens.Grant;
import org.code.plp.applicant.AccessTokens.Purpose;
import org.code.plp.local.ApiEvents;
import org.code.plp.local.TestClock;
import org.code.plp.platform.Platform;
import org.code.plp.review.HeldWorkflow;
import org.junit.jupiter.api.Test;

/** The status page shows a decision only once it stands: not while its email is held, never once undone. */
class HeldDecisionStatusTest {
    private final ApplicantFixture fx = new ApplicantFixture();
    private final TestClock clock = new TestClock(Instant.now());
    private final HeldWorkflow workflow = new HeldWorkflow(clock);
    private final Platform platform = fx.platform("ApplicantStatusFunction", clock);
    private final ApplicantStatusHandler handler = new ApplicantStatusHandler(platform);

    @Test
    void aHeldDecisionShowsTheStatusItCameFromUntilTheHoldEndsAndAnUndoneOneNeverShows() {
        String id = fx.apply(ApplicantFixture.form(fx.region(), "Held Org", ApplicantFixture.address()));
        clock.set(Instant.now());
        String auth = "Bearer " + new AccessTokens(platform).mint(new Grant(Purpose.STATUS, id, null, clock.instant().plus(Duration.ofDays(400))));

        ok(workflow.decide(id, Map.of("status", "interview", "expectedVersion", 1)));
        JsonNode held = page(auth);
        assertEquals("unreviewed", held.get("status").textValue(), held::toString);
        assertEquals("Received, waiting for review", held.get("statusText").textValue());
        assertEquals(List.of("You applied."), held.get("timeline").findValuesAsText("what"));
        assertFalse(held.get("canWithdraw").booleanValue(), "a withdrawal would meet the held decision");
        assertFalse(held.get("canCorrect").booleanValue());
        APIGatewayProxyResponseEvent withdraw = handler.handleRequest(
                ApiEvents.post("/status/withdraw", Map.of("confirm", true), "Authorization", auth), null);
        assertEquals(409, withdraw.getStatusCode(), withdraw::getBody);
        assertFalse(withdraw.getBody().toLowerCase().contains("interview"), "the refusal does not name the held status");

        clock.advance(HeldWorkflow.HOLD);
        JsonNode standing = page(auth);
        assertEquals("interview", standing.get("status").textValue());
        assertEquals(List.of("You applied.", "Status: Invited to an interview."), standing.get("timeline").findValuesAsText("what"));
        assertTrue(standing.get("canWithdraw").booleanValue());

        ok(workflow.decide(id, Map.of("status", "declined", "expectedVersion", 2)));
        assertEquals("interview", page(auth).get("status").textValue(), "declined is held");
        clock.advance(Duration.ofMinutes(3));
        ok(workflow.undo(id, 3));
        clock.advance(HeldWorkflow.HOLD);
        JsonNode undone = page(auth);
        assertEquals("interview", undone.get("status").textValue());
        assertEquals(List.of("You applied.", "Status: Invited to an interview."), undone.get("timeline").findValuesAsText("what"),
                "neither the undone decision nor its undo");
        assertFalse(undone.toString().contains("Not selected"), undone::toString);
    }

    private JsonNode page(String auth) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.get("/status", "Authorization", auth), null);
        assertEquals(200, response.getStatusCode(), response::getBody);
        return ApiEvents.json(response);
    }

    private static void ok(APIGatewayProxyResponseEvent response) {
        assertEquals(200, response.getStatusCode(), response::getBody);
    }
}
