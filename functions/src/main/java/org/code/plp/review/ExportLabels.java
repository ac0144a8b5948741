package org.code.plp.review;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Words for codes in the exports people open: statuses, organization types, programs, criteria; local times. */
public final class ExportLabels {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("unreviewed", "Unreviewed"), Map.entry("pending", "Pending"), Map.entry("interview", "Interview"),
            Map.entry("accepted", "Accepted"), Map.entry("declined", "Declined"), Map.entry("waitlisted", "Waitlisted"),
            Map.entry("withdrawn", "Withdrawn"),
            Map.entry("regional_education_unit", "Regional education unit"), Map.entry("nonprofit", "Nonprofit"),
            Map.entry("school_district", "School district"), Map.entry("university", "University"), Map.entry("other", "Other"),
            Map.entry("csp", "CS Principles"), Map.entry("csd", "CS Discoveries"), Map.entry("ecs", "Exploring CS"),
            Map.entry("cs_in_science", "CS in Science"), Map.entry("cs_in_algebra", "CS in Algebra"),
            Map.entry("own", "Own facilitators"), Map.entry("contract", "Contracted facilitators"), Map.entry("undecided", "Undecided"),
            Map.entry("teacher", "Teacher"), Map.entry("librarian", "Librarian"), Map.entry("media_specialist", "Media specialist"),
            Map.entry("servesDistrictsInRegion", "Serves districts in the region"), Map.entry("pdExperience", "PD experience"),
            Map.entry("fundingPlan", "Funding plan"), Map.entry("programManagerCommitted", "Program manager committed"),
            Map.entry("canAttendFacilitationSummit", "Can attend the facilitation summit"),
            Map.entry("canRecruitFacilitators", "Can recruit facilitators"),
            Map.entry("offersWorkshopsYearRound", "Offers workshops year-round"),
            Map.entry("yes", "yes"), Map.entry("no", "no"));

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
