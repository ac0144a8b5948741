package org.code.plp.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationStatus;

/**
 * GET /admin/applications/{id} as one reviewer sees it: the summary's fields, the form as submitted,
 * the log and notes, their own scores ({@code scores}) and everyone's ({@code reviews}) with the
 * totals, assignments and recusals, and the applications it may duplicate; {@code regionPartner}
 * names the region's partner when it is another application, {@code coPartner} marks a joint
 * partner, {@code held} the last decision while it can be undone, {@code erasedAt} when the
 * applicant's personal data was erased on request (the form then keeps only statistics).
 */
public record ApplicationDetail(@JsonUnwrapped ApplicationSummary summary, ApplicationForm application,
                                List<ApplicationLog.StatusEntry> statusLog, List<ApplicationLog.Note> notes,
                                Map<String, String> scores, List<Review> reviews, Map<String, CriterionTotal> totals,
                                List<ReviewerLog.Assignment> assignees, List<ReviewerLog.Recusal> recusals, boolean recused,
                                List<Duplicates.Other> duplicates,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Dismissal duplicateDismissed,
                                List<String> criteria, List<ApplicationStatus> allowedTransitions,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String regionPartner,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Boolean coPartner,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Held held,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String erasedAt) {

    /** One reviewer's score sheet. */
    public record Review(String reviewer, String at, Map<String, String> scores) {
    }

    /** Per criterion: its weight, how many reviewers answered it and how many said yes. */
    public record CriterionTotal(double weight, long yes, long answered) {
    }

    public record Dismissal(String by, String at) {
    }

    /** Undo (POST .../undo) returns to {@code undoTo} until {@code until}; {@code emailTo} gets the decision's email then (null: none). */
    public record Held(String until, ApplicationStatus undoTo, @JsonInclude(JsonInclude.Include.NON_NULL) String emailTo) {
    }
}
