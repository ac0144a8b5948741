package org.code.plp.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every reviewer's sheets add up to: per criterion how many answered and how many said yes,
 * and the overall score, the weighted share of yes answers among all answers, in tenths of a
 * percent (0-1000; null while nobody has answered anything).
 */
public record ScoreTotals(Map<String, Long> yes, Map<String, Long> answered, Long overallTenths, long reviewers) {

    public static ScoreTotals of(List<ReviewerLog.ScoreSheet> sheets, CriteriaWeights weights) {
        Map<String, Long> yes = new LinkedHashMap<>();
        Map<String, Long> answered = new LinkedHashMap<>();
        double weightedYes = 0;
        double weightedAnswers = 0;
        long reviewers = 0;
        for (ReviewerLog.ScoreSheet sheet : sheets) {
            if (!sheet.answers().isEmpty()) {
                reviewers++;
            }
        }
        for (String criterion : ReviewCriteria.ALL) {
            long y = 0;
            long n = 0;
            for (ReviewerLog.ScoreSheet sheet : sheets) {
                String answer = sheet.answers().get(criterion);
                if (answer != null) {
                    n++;
                    y += "yes".equals(answer) ? 1 : 0;
                }
            }
            yes.put(criterion, y);
            answered.put(criterion, n);
            weightedYes += weights.of(criterion) * y;
            weightedAnswers += weights.of(criterion) * n;
        }
        Long overall = weightedAnswers == 0 ? null : Math.round(1000 * weightedYes / weightedAnswers);
        return new ScoreTotals(yes, answered, overall, reviewers);
    }

    /** The overall score as a percentage with one decimal, or null. */
    public static Double percent(Long tenths) {
        return tenths == null ? null : tenths / 10.0;
    }
}
