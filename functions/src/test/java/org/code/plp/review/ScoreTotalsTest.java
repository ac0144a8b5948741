package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.code.plp.applications.ApplicationItem;
import org.junit.jupiter.api.Test;

class ScoreTotalsTest {
    private static ReviewerLog.ScoreSheet sheet(String who, Map<String, String> answers) {
        return new ReviewerLog.ScoreSheet(who, who + "@code.org", "2026-12-01T00:00:00Z", answers, 1);
    }

    @Test
    void equalWeightsGiveTheShareOfYesAnswers() {
        ScoreTotals totals = ScoreTotals.of(List.of(
                sheet("a", Map.of("fundingPlan", "yes", "pdExperience", "yes")),
                sheet("b", Map.of("fundingPlan", "no")),
                sheet("c", Map.of())), CriteriaWeights.equal());
        assertEquals(667L, totals.overallTenths());
        assertEquals(1L, totals.yes().get("fundingPlan"));
        assertEquals(2L, totals.answered().get("fundingPlan"));
        assertEquals(0L, totals.answered().get("canRecruitFacilitators"));
        assertEquals(2, totals.reviewers(), "a reviewer with an empty sheet has not scored");
        assertNull(ScoreTotals.of(List.of(), CriteriaWeights.equal()).overallTenths());
    }

    @Test
    void weightsFromConfigurationTiltTheOverallScore() {
        CriteriaWeights weights = CriteriaWeights.parse("fundingPlan=3, pdExperience=1");
        ScoreTotals totals = ScoreTotals.of(List.of(sheet("a", Map.of("fundingPlan", "yes", "pdExperience", "no"))), weights);
        assertEquals(750L, totals.overallTenths());
        assertEquals(1.0, weights.of("servesDistrictsInRegion"));
        assertThrows(IllegalStateException.class, () -> CriteriaWeights.parse("charisma=2"));
        assertThrows(IllegalStateException.class, () -> CriteriaWeights.parse("fundingPlan=0"));
        assertThrows(IllegalStateException.class, () -> CriteriaWeights.parse("fundingPlan"));
    }

    @Test
    void theScoreKeySortsHighScoresFirstAndUnscoredLast() {
        List<String> keys = new java.util.ArrayList<>(List.of(
                ApplicationItem.scoreKey(null, "2026-12-02T00:00:00Z"),
                ApplicationItem.scoreKey(1000L, "2026-12-01T00:00:00Z"),
                ApplicationItem.scoreKey(95L, "2026-12-03T00:00:00Z"),
                ApplicationItem.scoreKey(500L, "2026-12-01T00:00:00Z")));
        keys.sort(java.util.Comparator.reverseOrder());
        assertEquals(List.of("1000#2026-12-01T00:00:00Z", "0500#2026-12-01T00:00:00Z", "0095#2026-12-03T00:00:00Z",
                "-#2026-12-02T00:00:00Z"), keys);
    }
}
