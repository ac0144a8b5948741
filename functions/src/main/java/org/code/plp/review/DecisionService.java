package org.code.plp.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationService;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.counters.Counters;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Json;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import org.code.plp.regions.RegionRepository;
import org.code.plp.validation.Validator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The review workflow's writes: decisions (the state machine) and notes.
 * A decision is one transaction: the application moves only if it is still at the version the
 * reviewer saw, and with it the status log entry, both pairs of counters, the applicant's email
 * and, on acceptance, the region's new status are written, or none of them.
 */
public class DecisionService {
    public static final int NOTE_MAX = 5000;
    private static final Set<String> DECISION_FIELDS = Set.of("status", "note", "expectedVersion");
    private static final Set<String> NOTE_FIELDS = Set.of("text");

    private final ApplicationRepository applications;
    private final ApplicationLog log;
    private final Counters counters;
    private final OutboxRepository outbox;
    private final RegionRepository regions;
    private final ReviewerLog reviewers;
    private final DynamoDbClient dynamo;
    private final Clock clock;

    public DecisionService(ApplicationRepository applications, ApplicationLog log, Counters counters, OutboxRepository outbox,
                           RegionRepository regions, ReviewerLog reviewers, DynamoDbClient dynamo, Clock clock) {
        this.applications = applications;
        this.log = log;
        this.counters = counters;
        this.outbox = outbox;
        this.regions = regions;
        this.reviewers = reviewers;
        this.dynamo = dynamo;
        this.clock = clock;
    }

    /** A decision as asked for, validated. */
    public record Decision(String status, String note, long expectedVersion) {
    }

    public static Decision readDecision(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", DECISION_FIELDS);
        String status = v.oneOf(body, "", "status", true, Set.copyOf(ApplicationStatus.ALL));
        String note = v.paragraph(body, "", "note", false, NOTE_MAX);
        JsonNode version = body.get("expectedVersion");
        long expected = 0;
        if (version == null || version.isNull()) {
            v.error("expectedVersion", "Required: the version you reviewed.");
        } else if (!version.canConvertToLong() || !version.isIntegralNumber() || version.longValue() < 1) {
            v.error("expectedVersion", "Must be a whole number of at least 1.");
        } else {
            expected = version.longValue();
        }
        v.throwIfInvalid();
        return new Decision(status, note, expected);
    }

    /** The move's email, if the applicant gets one. */
    public static Optional<EmailType> emailFor(String status) {
        return switch (status) {
            case ApplicationStatus.INTERVIEW -> Optional.of(EmailType.INTERVIEW);
            case ApplicationStatus.ACCEPTED -> Optional.of(EmailType.ACCEPTED);
            case ApplicationStatus.DECLINED -> Optional.of(EmailType.DECLINED);
            case ApplicationStatus.WAITLISTED -> Optional.of(EmailType.WAITLISTED);
            default -> Optional.empty();
        };
    }

    /** 409 unless {@code to} is a move the workflow allows from {@code from}. */
    public static void checkTransition(String from, String to) {
        List<String> allowed = ApplicationStatus.allowedFrom(from);
        if (allowed.contains(to)) {
            return;
        }
        String message = allowed.isEmpty()
                ? "A " + from + " application is final: no status can follow it."
                : "From " + from + " the status can move to " + String.join(", ", allowed) + ".";
        throw new Problem(409, "transition-not-allowed", "Transition not allowed",
                "Cannot move from " + from + " to " + to + ". " + message, List.of(new FieldError("status", message)));
    }

    /**
     * Moves the application. WriteTransaction already retries a transaction that only met another
     * one on a shared item (the counters); a reviewer who lost the race finds the version moved: 409.
     */
    public void decide(String id, Decision decision, StaffIdentity staff) {
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
            if ("recusal".equals(e.label())) {
                throw ScoreService.recusedProblem();
            }
            throw new Problem(409, "region-missing", "Conflict",
                    "The application's region no longer exists; it cannot be accepted.", List.of());
        }
    }

    private void commitDecision(ApplicationItem current, Decision decision, StaffIdentity staff) {
        Instant at = now();
        String now = Timestamps.format(at);
        long next = decision.expectedVersion() + 1;
        String from = current.getStatus();
        String to = decision.status();
        WriteTransaction transaction = new WriteTransaction(dynamo);
        reviewers.requireNotRecused(transaction, current.getId(), staff.subject());
        applications.moveStatus(transaction, current, to, decision.expectedVersion(), now);
        log.status(transaction, current.getId(), new ApplicationLog.StatusEntry(to, staff.displayName(), now, decision.note(), next));
        counters.add(transaction, Counters.APPLICATIONS_ALL, from, -1);
        counters.add(transaction, Counters.APPLICATIONS_ALL, to, 1);
        String regionScope = Counters.applicationsInRegion(current.getRegionKey());
        counters.add(transaction, regionScope, from, -1);
        counters.add(transaction, regionScope, to, 1);
        // An erased application has no address left to write to (and no names to fill the copy with).
        emailFor(to).filter(type -> current.getContactEmail() != null).ifPresent(type -> {
            Map<String, String> data = ApplicationService.mailData(current.getId(), Json.read(current.getPayload()),
                    current.getRegionId(), current.getRegionName());
            outbox.queue(transaction, OutboxItem.pending(type, current.getId(), "v" + next, current.getContactEmail(), data, at));
        });
        if (ApplicationStatus.ACCEPTED.equals(to) && current.getRegionId() != null) {
            regions.markPartnerSelected(transaction, current.getRegionId(), now);
        }
        transaction.commit();
    }

    public ApplicationLog.Note addNote(String id, ObjectNode body, StaffIdentity staff) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", NOTE_FIELDS);
        String text = v.paragraph(body, "", "text", true, NOTE_MAX);
        v.throwIfInvalid();
        find(id);
        ApplicationLog.Note note = new ApplicationLog.Note(staff.displayName(), Timestamps.format(now()), text);
        WriteTransaction transaction = new WriteTransaction(dynamo);
        log.note(transaction, id, note, UUID.randomUUID().toString().substring(0, 8));
        transaction.commit();
        return note;
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
