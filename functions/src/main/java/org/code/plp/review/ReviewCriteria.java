package org.code.plp.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The program's yes/no review criteria, in the order the console shows them. This list is the
 * one place they are defined: scores, the detail view and the CSV columns all read it.
 */
public final class ReviewCriteria {
    public static final List<String> ALL = List.of(
            "servesDistrictsInRegion",
            "pdExperience",
            "fundingPlan",
            "programManagerCommitted",
            "canAttendFacilitationSummit",
            "canRecruitFacilitators",
            "offersWorkshopsYearRound");
    public static final Set<String> ANSWERS = Set.of("yes", "no");

    private ReviewCriteria() {
    }

    /** Every criterion with its stored answer, or null when not scored yet. */
    public static Map<String, String> complete(Map<String, String> stored) {
        Map<String, String> scores = new LinkedHashMap<>();
        for (String criterion : ALL) {
            scores.put(criterion, stored == null ? null : stored.get(criterion));
        }
        return scores;
    }
}
