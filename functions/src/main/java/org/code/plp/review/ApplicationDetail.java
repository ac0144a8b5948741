package org.code.plp.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationStatus;

/**
 * GET /admin/applications/{id}: the summary's fields, the form as submitted, the log, notes and scores;
 * {@code regionPartner} names the region's partner when it is another application, {@code coPartner}
 * marks a joint partner, {@code held} the last decision while it can be undone.
 */
public record ApplicationDetail(@JsonUnwrapped ApplicationSummary summary, ApplicationForm application,
                                List<ApplicationLog.StatusEntry> statusLog, List<ApplicationLog.Note> notes,
                                Map<String, String> scores, List<String> criteria,
                                List<ApplicationStatus> allowedTransitions,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String regionPartner,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Boolean coPartner,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Held held) {
    /** Undo (POST .../undo) returns to {@code undoTo} until {@code until}; {@code emailTo} gets the decision's email then (null: none). */
    public record Held(String until, ApplicationStatus undoTo, @JsonInclude(JsonInclude.Include.NON_NULL) String emailTo) {
    }
}
