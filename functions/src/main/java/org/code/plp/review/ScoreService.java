package org.code.plp.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Each reviewer's own work on an application: their score sheet, assignments and recusal.
 * A change to a sheet (or a recusal, which withdraws the sheet) is one transaction with the
 * application's derived totals, conditioned on the score revision it was computed from, so of two
 * reviewers scoring at once one commits first and the other recomputes from the new sheets.
 */
public class ScoreService {
    private static final int ATTEMPTS = 5;

    private final ApplicationRepository applications;
    private final ReviewerLog reviewers;
    private final CriteriaWeights weights;
    private final DynamoDbClient dynamo;
    private final Clock clock;

    public ScoreService(ApplicationRepository applications, ReviewerLog reviewers, CriteriaWeights weights, DynamoDbClient dynamo,
                        Clock clock) {
        this.applications = applications;
        this.reviewers = reviewers;
        this.weights = weights;
        this.dynamo = dynamo;
        this.clock = clock;
    }

    /** Sets the given criteria of the reviewer's own sheet ({@code null} clears one); answers their sheet and the totals. */
    /** PUT .../scores: the caller's sheet after the change, the overall score and the totals. */
    public record ScoresAnswer(Map<String, String> scores, Double overallScore, Map<String, ApplicationDetail.CriterionTotal> totals) {
    }

    public ScoresAnswer score(String id, Map<String, String> changes, StaffIdentity staff) {
        String now = now();
        ScoreTotals totals = rewrite(id, staff, (transaction, state) -> {
            ReviewerLog.ScoreSheet mine = state.entries().sheetOf(staff.subject());
            Map<String, String> answers = new LinkedHashMap<>(mine == null ? Map.of() : mine.answers());
            changes.forEach((criterion, answer) -> {
                if (answer == null) {
                    answers.remove(criterion);
                } else {
                    answers.put(criterion, answer);
                }
            });
            ReviewerLog.ScoreSheet sheet = new ReviewerLog.ScoreSheet(staff.subject(), staff.displayName(), now, answers,
                    mine == null ? 0 : mine.rev());
            reviewers.requireNotRecused(transaction, id, staff.subject());
            reviewers.putSheet(transaction, id, sheet, sheet.rev());
            state.sheets().removeIf(s -> s.reviewerSub().equals(staff.subject()));
            state.sheets().add(sheet);
        });
        return new ScoresAnswer(ReviewCriteria.complete(sheetAfter(id, staff)), ScoreTotals.percent(totals.overallTenths()),
                totalsView(totals.yes(), totals.answered(), weights));
    }

    private Map<String, String> sheetAfter(String id, StaffIdentity staff) {
        ReviewerLog.ScoreSheet sheet = reviewers.read(id).sheetOf(staff.subject());
        return sheet == null ? Map.of() : sheet.answers();
    }

    /**
     * The reviewer steps back from the application (conflict of interest): the recusal is recorded,
     * their sheet and assignment withdrawn and the totals recomputed without them. They cannot score or
     * decide it afterwards.
     */
    public ReviewerLog.Recusal recuse(String id, String reason, StaffIdentity staff) {
        ReviewerLog.Recusal recusal = new ReviewerLog.Recusal(staff.subject(), staff.displayName(), now(), reason);
        rewrite(id, staff, (transaction, state) -> {
            reviewers.putRecusal(transaction, id, recusal);
            if (state.entries().sheetOf(staff.subject()) != null) {
                reviewers.deleteSheet(transaction, id, staff.subject());
                state.sheets().removeIf(s -> s.reviewerSub().equals(staff.subject()));
            }
            if (staff.email() != null && state.entries().assignments().stream()
                    .anyMatch(a -> a.assignee().equals(ReviewerLog.normalEmail(staff.email())))) {
                reviewers.deleteAssignment(transaction, id, staff.email());
            }
        });
        return recusal;
    }

    /** Reviewers assign themselves; admins anyone (by email). */
    /** Assigns {@code email} (null: the caller). */
    public ReviewerLog.Assignment assign(String id, String email, StaffIdentity staff) {
        String assignee = ReviewerLog.normalEmail(email == null ? ownEmail(staff) : email);
        requireSelfOrAdmin(staff, assignee);
        find(id);
        if (reviewers.read(id).recusedEmail(assignee)) {
            throw Problem.field(409, "recused", "Recused", "email", assignee + " has recused themselves from this application.");
        }
        ReviewerLog.Assignment assignment = new ReviewerLog.Assignment(assignee, staff.displayName(), now());
        WriteTransaction transaction = new WriteTransaction(dynamo);
        reviewers.putAssignment(transaction, id, assignment);
        try {
            transaction.commit();
        } catch (WriteTransaction.ConditionFailed already) {
            throw Problem.field(409, "already-assigned", "Already assigned", "email", assignee + " is already assigned.");
        }
        return assignment;
    }

    public void unassign(String id, String email, StaffIdentity staff) {
        String assignee = ReviewerLog.normalEmail(email);
        requireSelfOrAdmin(staff, assignee);
        find(id);
        WriteTransaction transaction = new WriteTransaction(dynamo);
        reviewers.deleteAssignment(transaction, id, assignee);
        transaction.commit();
    }

    private static String ownEmail(StaffIdentity staff) {
        if (staff.email() == null || staff.email().isBlank()) {
            throw Problem.field(400, "validation", "Invalid request", "email", "Your sign-in has no email; name the reviewer.");
        }
        return staff.email();
    }

    private static void requireSelfOrAdmin(StaffIdentity staff, String assignee) {
        boolean self = staff.email() != null && ReviewerLog.normalEmail(staff.email()).equals(assignee);
        if (!self && !staff.isIn(StaffIdentity.ADMINS)) {
            throw new Problem(403, "forbidden", "Forbidden", "Reviewers assign and unassign only themselves; admins anyone.",
                    List.of(new FieldError("email", "Only admins assign others.")));
        }
    }

    /** The application and its sheets as read, and the sheets as they will be after the change. */
    private record State(ApplicationItem application, ReviewerLog.Entries entries, List<ReviewerLog.ScoreSheet> sheets) {
    }

    /**
     * Reads the application and its sheets, lets {@code change} add its writes and edit the sheets,
     * then writes the recomputed totals in the same transaction. Retried from the start when another
     * score write came between.
     */
    private ScoreTotals rewrite(String id, StaffIdentity staff, BiConsumer<WriteTransaction, State> change) {
        for (int attempt = 1; ; attempt++) {
            ApplicationItem application = find(id);
            if (application.getStatus().isFinal()) {
                throw decided(application);
            }
            ReviewerLog.Entries entries = reviewers.read(id);
            if (entries.recused(staff.subject())) {
                throw recusedProblem();
            }
            State state = new State(application, entries, new ArrayList<>(entries.sheets()));
            WriteTransaction transaction = new WriteTransaction(dynamo);
            change.accept(transaction, state);
            ScoreTotals totals = ScoreTotals.of(state.sheets(), weights);
            applications.setScoreTotals(transaction, application, totals.yes(), totals.answered(), totals.overallTenths(),
                    totals.reviewers());
            try {
                transaction.commit();
                return totals;
            } catch (WriteTransaction.ConditionFailed e) {
                if ("recusal".equals(e.label())) {
                    throw recusedProblem();
                }
                if (attempt >= ATTEMPTS) {
                    throw new Problem(409, "scores-busy", "Conflict",
                            "Other reviewers kept changing this application's scores; try again.", List.of());
                }
            }
        }
    }

    public static Problem recusedProblem() {
        return new Problem(403, "recused", "Recused",
                "You have recused yourself from this application: you cannot score or decide it.", List.of());
    }

    private static Problem decided(ApplicationItem application) {
        return new Problem(409, "decided", "Already decided", "The application is " + application.getStatus().wire()
                + ": its scores are final.", List.of());
    }

    /** Per criterion: its weight, how many answered and how many said yes. */
    public static Map<String, ApplicationDetail.CriterionTotal> totalsView(Map<String, Long> yes, Map<String, Long> answered,
                                                                         CriteriaWeights weights) {
        Map<String, ApplicationDetail.CriterionTotal> view = new LinkedHashMap<>();
        for (String criterion : ReviewCriteria.ALL) {
            view.put(criterion, new ApplicationDetail.CriterionTotal(weights.of(criterion),
                    yes == null ? 0L : yes.getOrDefault(criterion, 0L),
                    answered == null ? 0L : answered.getOrDefault(criterion, 0L)));
        }
        return view;
    }

    private ApplicationItem find(String id) {
        return applications.find(id).orElseThrow(() -> Problem.notFound("There is no application '" + id + "'."));
    }

    private String now() {
        return Timestamps.format(Timestamps.truncate(clock.instant()));
    }
}
