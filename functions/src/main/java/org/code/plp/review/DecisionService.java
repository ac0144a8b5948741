package org.code.plp.review;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationMail;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.counters.Counters;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import org.code.plp.regions.RegionRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The review workflow's writes: decisions (the state machine), notes and scores.
 * A decision is one transaction: the application moves only if it is still at the version the
 * reviewer saw, and with it the status log entry, both pairs of counters, the applicant's email
 * and, on acceptance, the region's new status are written, or none of them.
 */
public class DecisionService {
    private final ApplicationRepository applications;
    private final ApplicationLog log;
    private final Counters counters;
    private final OutboxRepository outbox;
    private final RegionRepository regions;
    private final DynamoDbClient dynamo;
    private final Clock clock;

    public DecisionService(ApplicationRepository applications, ApplicationLog log, Counters counters, OutboxRepository outbox,
                           RegionRepository regions, DynamoDbClient dynamo, Clock clock) {
        this.applications = applications;
        this.log = log;
        this.counters = counters;
        this.outbox = outbox;
        this.regions = regions;
        this.dynamo = dynamo;
        this.clock = clock;
    }

    /** The move's email, if the applicant gets one. */
    public static Optional<EmailType> emailFor(ApplicationStatus status) {
        return switch (status) {
            case INTERVIEW -> Optional.of(EmailType.INTERVIEW);
            case ACCEPTED -> Optional.of(EmailType.ACCEPTED);
            case DECLINED -> Optional.of(EmailType.DECLINED);
            case WAITLISTED -> Optional.of(EmailType.WAITLISTED);
            default -> Optional.empty();
        };
    }

    /** 409 unless {@code to} is a move the workflow allows from {@code from}. */
    public static void checkTransition(ApplicationStatus from, ApplicationStatus to) {
        List<ApplicationStatus> allowed = from.allowedNext();
        if (allowed.contains(to)) {
            return;
        }
        String message = allowed.isEmpty()
                ? "A " + from.wire() + " application is final: no status can follow it."
                : "From " + from.wire() + " the status can move to "
                        + String.join(", ", allowed.stream().map(ApplicationStatus::wire).toList()) + ".";
        throw new Problem(409, "transition-not-allowed", "Transition not allowed",
                "Cannot move from " + from.wire() + " to " + to.wire() + ". " + message, List.of(new FieldError("status", message)));
    }

    /**
     * Moves the application. WriteTransaction already retries a transaction that only met another
     * one on a shared item (the counters); a reviewer who lost the race finds the version moved: 409.
     */
    public void decide(String id, ReviewValidator.Decision decision, StaffIdentity staff) {
        ApplicationItem current = find(id);
        if (current.getVersion() != decision.expectedVersion()) {
            throw versionMoved(current.getVersion());
        }
        checkTransition(current.getStatus(), decision.status());
        try {
            commitDecision(current, decision, staff);
        } catch (WriteTransaction.ConditionFailed e) {
            if ("application".equals(e.label())) {
                throw versionMoved(find(id).getVersion());
            }
            throw new Problem(409, "region-missing", "Conflict",
                    "The application's region no longer exists; it cannot be accepted.", List.of());
        }
    }

    private void commitDecision(ApplicationItem current, ReviewValidator.Decision decision, StaffIdentity staff) {
        Instant at = now();
        String now = Timestamps.format(at);
        long next = decision.expectedVersion() + 1;
        ApplicationStatus from = current.getStatus();
        ApplicationStatus to = decision.status();
        WriteTransaction transaction = new WriteTransaction(dynamo);
        applications.moveStatus(transaction, current, to, decision.expectedVersion(), now);
        log.status(transaction, current.getId(), new ApplicationLog.StatusEntry(to, staff.displayName(), now, decision.note(), next));
        counters.add(transaction, Counters.APPLICATIONS_ALL, from.wire(), -1);
        counters.add(transaction, Counters.APPLICATIONS_ALL, to.wire(), 1);
        String regionScope = Counters.applicationsInRegion(current.getRegionKey());
        counters.add(transaction, regionScope, from.wire(), -1);
        counters.add(transaction, regionScope, to.wire(), 1);
        emailFor(to).ifPresent(type -> {
            Map<String, String> data = ApplicationMail.data(current);
            outbox.queue(transaction, OutboxItem.pending(type, current.getId(), "v" + next, current.getContactEmail(), data, at));
        });
        if (to == ApplicationStatus.ACCEPTED && current.getRegionId() != null) {
            regions.markPartnerSelected(transaction, current.getRegionId(), now);
        }
        transaction.commit();
    }

    public ApplicationLog.Note addNote(String id, String text, StaffIdentity staff) {
        find(id);
        ApplicationLog.Note note = new ApplicationLog.Note(staff.displayName(), Timestamps.format(now()), text);
        WriteTransaction transaction = new WriteTransaction(dynamo);
        log.note(transaction, id, note, UUID.randomUUID().toString().substring(0, 8));
        transaction.commit();
        return note;
    }

    /** Sets the given criteria ({@code null} clears one); answers every criterion's score after. */
    public Map<String, String> score(String id, Map<String, String> changes) {
        find(id);
        String now = Timestamps.format(now());
        if (!changes.isEmpty() && !applications.updateScores(id, changes, now)) {
            Map<String, String> first = new LinkedHashMap<>();
            changes.forEach((criterion, answer) -> {
                if (answer != null) {
                    first.put(criterion, answer);
                }
            });
            applications.createScores(id, first, now);
        }
        return ReviewCriteria.complete(find(id).getScores());
    }

    private ApplicationItem find(String id) {
        return applications.find(id).orElseThrow(() -> Problem.notFound("There is no application '" + id + "'."));
    }

    private static Problem versionMoved(long currentVersion) {
        return new Problem(409, "version-conflict", "Conflict",
                "The application changed since you opened it (it is now at version " + currentVersion
                        + "). Reload it and decide again.",
                List.of(new FieldError("expectedVersion", "The application is now at version " + currentVersion + ".")));
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
