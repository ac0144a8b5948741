package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.outbox.EmailType;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {
    /** The contract's table, written out independently of ApplicationStatus.TRANSITIONS. */
    private static final Map<String, Set<String>> CONTRACT = Map.of(
            "unreviewed", Set.of("pending", "interview", "declined", "withdrawn"),
            "pending", Set.of("interview", "accepted", "declined", "waitlisted", "withdrawn"),
            "interview", Set.of("accepted", "declined", "waitlisted", "withdrawn"),
            "waitlisted", Set.of("accepted", "declined", "withdrawn"),
            "accepted", Set.of(),
            "declined", Set.of(),
            "withdrawn", Set.of());

    @Test
    void everyOneOfTheFortyNineMovesIsAllowedOrRefusedAsTheContractSays() {
        int allowed = 0;
        for (String from : ApplicationStatus.wires()) {
            for (String to : ApplicationStatus.wires()) {
                if (CONTRACT.get(from).contains(to)) {
                    DecisionService.checkTransition(status(from), status(to));
                    allowed++;
                } else {
                    Problem refused = assertThrows(Problem.class, () -> DecisionService.checkTransition(status(from), status(to)), from + "->" + to);
                    assertEquals(409, refused.status());
                    assertEquals("status", refused.errors().getFirst().field());
                    for (String named : CONTRACT.get(from)) {
                        assertTrue(refused.detail().contains(named), refused.detail());
                    }
                }
            }
        }
        assertEquals(16, allowed);
    }

    @Test
    void withdrawnIsReachableFromEveryStatusThatIsNotFinal() {
        for (String from : List.of("unreviewed", "pending", "interview", "waitlisted")) {
            DecisionService.checkTransition(status(from), ApplicationStatus.WITHDRAWN);
        }
    }

    @Test
    void applicantsAreEmailedForInterviewAcceptDeclineAndWaitlistOnly() {
        assertEquals(EmailType.INTERVIEW, DecisionService.emailFor(status("interview")).orElseThrow());
        assertEquals(EmailType.ACCEPTED, DecisionService.emailFor(status("accepted")).orElseThrow());
        assertEquals(EmailType.DECLINED, DecisionService.emailFor(status("declined")).orElseThrow());
        assertEquals(EmailType.WAITLISTED, DecisionService.emailFor(status("waitlisted")).orElseThrow());
        assertTrue(DecisionService.emailFor(status("pending")).isEmpty());
        assertTrue(DecisionService.emailFor(status("withdrawn")).isEmpty());
    }

    @Test
    void aDecisionNeedsAKnownStatusAndTheExpectedVersion() {
        var decision = ReviewValidator.decision(body("{\"status\":\"pending\",\"note\":\"  looks good \",\"expectedVersion\":3}"));
        assertEquals(new ReviewValidator.Decision(ApplicationStatus.PENDING, "looks good", 3), decision);

        assertEquals(Set.of("status", "expectedVersion"), fields("{\"status\":\"approved\"}"));
        assertEquals(Set.of("expectedVersion"), fields("{\"status\":\"pending\",\"expectedVersion\":\"3\"}"));
        assertEquals(Set.of("expectedVersion"), fields("{\"status\":\"pending\",\"expectedVersion\":0}"));
        assertEquals(Set.of("expectedVersion"), fields("{\"status\":\"pending\",\"expectedVersion\":1.5}"));
        assertEquals(Set.of("by"), fields("{\"status\":\"pending\",\"expectedVersion\":1,\"by\":\"x\"}"));
        assertEquals(Set.of("note"), fields("{\"status\":\"pending\",\"expectedVersion\":1,\"note\":\"" + "x".repeat(5001) + "\"}"));
    }

    @Test
    void scoresTakeKnownCriteriaWithYesNoOrNull() {
        Map<String, String> expected = new HashMap<>();
        expected.put("fundingPlan", "yes");
        expected.put("pdExperience", null);
        assertEquals(expected, ReviewValidator.scores(body("{\"fundingPlan\":\"yes\",\"pdExperience\":null}")));
        Problem unknown = assertThrows(Problem.class, () -> ReviewValidator.scores(body("{\"charisma\":\"yes\",\"fundingPlan\":\"maybe\"}")));
        assertEquals(400, unknown.status());
        assertEquals(List.of("charisma", "fundingPlan"), unknown.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void everyCriterionIsListedWithNullWhenNotScored() {
        Map<String, String> complete = ReviewCriteria.complete(Map.of("fundingPlan", "no"));
        assertEquals(ReviewCriteria.ALL, new ArrayList<>(complete.keySet()));
        assertEquals("no", complete.get("fundingPlan"));
        assertEquals(null, complete.get("pdExperience"));
    }

    private static Set<String> fields(String json) {
        Problem problem = assertThrows(Problem.class, () -> ReviewValidator.decision(body(json)));
        assertEquals(400, problem.status());
        return Set.copyOf(problem.errors().stream().map(FieldError::field).toList());
    }

    private static ApplicationStatus status(String wire) {
        return ApplicationStatus.fromWire(wire).orElseThrow();
    }

    private static ObjectNode body(String json) {
        return (ObjectNode) Json.read(json);
    }
}
