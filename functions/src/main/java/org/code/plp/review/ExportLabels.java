package org.code.plp.review;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.applications.ApplicationValidator;
import org.code.plp.interest.InterestValidator;
import org.code.plp.validation.Choices;

/** Words for codes in the exports people open: statuses, organization types, programs, criteria; local times. */
public final class ExportLabels {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final Map<String, String> WORDS = words();

    /** The forms' own labels (one word per code, the pages show the same) and the criteria's. */
    private static Map<String, String> words() {
        Map<String, String> words = new HashMap<>();
        for (Choices choices : List.of(ApplicationStatus.CHOICES, ApplicationValidator.ORGANIZATION_TYPES,
                ApplicationValidator.PROGRAMS, ApplicationValidator.FACILITATORS, InterestValidator.ROLES)) {
            choices.labels().forEach(words::putIfAbsent);
        }
        words.putAll(Map.of("servesDistrictsInRegion", "Serves districts in the region", "pdExperience", "PD experience",
                "fundingPlan", "Funding plan", "programManagerCommitted", "Program manager committed",
                "canAttendFacilitationSummit", "Can attend the facilitation summit",
                "canRecruitFacilitators", "Can recruit facilitators",
                "offersWorkshopsYearRound", "Offers workshops year-round", "yes", "yes", "no", "no"));
        return Map.copyOf(words);
    }

    private ExportLabels() {
    }

    /** The word for a code, or the code itself when it has none (a value added later still exports). */
    public static String word(String code) {
        if (code == null) {
            return "";
        }
        String word = WORDS.get(code);
        return word == null ? code.replace('_', ' ') : word;
    }

    /** A stored UTC timestamp as local "2026-12-02 17:05" in {@code zone} (the header names the zone). */
    public static String time(String stored, ZoneId zone) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        return TIME.format(Instant.parse(stored).atZone(zone));
    }
}
