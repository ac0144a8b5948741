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
        for (String from : ApplicationStatus.ALL) {
            for (String to : ApplicationStatus.ALL) {
                if (CONTRACT.get(from).contains(to)) {
                    DecisionService.checkTransition(from, to);
                    allowed++;
                } else {
                    Problem refused = assertThrows(Problem.class, () -> DecisionService.checkTransition(from, to), from + "->" + to);
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
            DecisionService.checkTransition(from, "withdrawn");
        }
    }

    @Test
    void applicantsAreEmailedForInterviewAcceptDeclineAndWaitlistOnly() {
        assertEquals(EmailType.INTERVIEW, DecisionService.emailFor("interview").orElseThrow());
        assertEquals(EmailType.ACCEPTED, DecisionService.emailFor("accepted").orElseThrow());
        assertEquals(EmailType.DECLINED, DecisionService.emailFor("declined").orElseThrow());
        assertEquals(EmailType.WAITLISTED, DecisionService.emailFor("waitlisted").orElseThrow());
        assertTrue(DecisionService.emailFor("pending").isEmpty());
        assertTrue(DecisionService.emailFor("withdrawn").isEmpty());
    }

    @Test
    void aDecisionNeedsAKnownStatusAndTheExpectedVersion() {
        var decision = DecisionService.readDecision(body("{\"status\":\"pending\",\"note\":\"  looks good \",\"expectedVersion\":3}"));
        assertEquals(new DecisionService.Decision("pending", "looks good", 3), decision);

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
        assertEquals(expected, ScoreService.readScores(body("{\"fundingPlan\":\"yes\",\"pdExperience\":null}")));
        Problem unknown = assertThrows(Problem.class, () -> ScoreService.readScores(body("{\"charisma\":\"yes\",\"fundingPlan\":\"maybe\"}")));
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
        Problem problem = assertThrows(Problem.class, () -> DecisionService.readDecision(body(json)));
        assertEquals(400, problem.status());
        return Set.copyOf(problem.errors().stream().map(FieldError::field).toList());
    }

    private static ObjectNode body(String json) {
        return (ObjectNode) Json.read(json);
    }
}
