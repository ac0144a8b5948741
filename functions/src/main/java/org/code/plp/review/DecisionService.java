package org.code.plp.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationMail;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.audit.AuditLog;
import org.code.plp.counters.Counters;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Env;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The review workflow's writes: decisions (the state machine) and notes.
 * A decision is one transaction: the application moves only if it is still at the version the
 * reviewer saw, and with it the status log entry, both pairs of counters, the applicant's held email
 * and, on acceptance, the region's partner (conditioned on the region still seeking one) are written,
 * or none of them.
 */
public class DecisionService {
    private final ApplicationRepository applications;
    private final ApplicationLog log;
    private final Counters counters;
    private final OutboxRepository outbox;
    private final RegionRepository regions;
    private final ReviewerLog reviewers;
    private final DynamoDbClient dynamo;
    private final Clock clock;
    private final Duration hold;
    private final AuditLog audit;

    public DecisionService(ApplicationRepository applications, ApplicationLog log, Counters counters, OutboxRepository outbox,
                           RegionRepository regions, ReviewerLog reviewers, DynamoDbClient dynamo, Clock clock, Duration hold,
                           AuditLog audit) {
        this.hold = hold;
        this.audit = audit;
        this.applications = applications;
        this.log = log;
        this.counters = counters;
        this.outbox = outbox;
        this.regions = regions;
        this.reviewers = reviewers;
        this.dynamo = dynamo;
        this.clock = clock;
    }

    /** DECISION_EMAIL_HOLD_MINUTES (default 10): how long a decision's email is held, and the decision can be undone. */
    public static Duration hold(Env env) {
        return Duration.ofMinutes(Long.parseLong(env.get("DECISION_EMAIL_HOLD_MINUTES", "10")));
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
     * The email is held for the hold so the decision can be undone; while a decision's email is held
     * no other decision follows it (undo it instead), so only the standing status's email goes out.
     */
    public void decide(String id, ReviewValidator.Decision decision, StaffIdentity staff) {
        ApplicationItem current = find(id);
        if (current.getVersion() != decision.expectedVersion()) {
            throw versionMoved(current.getVersion());
        }
        checkTransition(current.getStatus(), decision.status());
        Instant at = now();
        heldEmail(current, at).ifPresent(until -> {
            throw new Problem(409, "decision-held", "Conflict",
                    "The email of the last decision (" + current.getStatus().wire() + ") goes out at " + until
                            + ". Undo that decision, or decide again after its email has gone out.", List.of());
        });
        try {
            commitDecision(current, decision.status(), decision.note(), decision.coPartner(), staff, at, "decision");
        } catch (WriteTransaction.ConditionFailed e) {
            throw conflict(e, current, decision.coPartner());
        }
    }

    /**
     * One application of a close-out: moved like a decision (its own log entry and held email, conditioned on
     * the version read), without the transition table, since a region with its partner closes every open
     * application. Answers why it was skipped, or empty when it moved.
     */
    Optional<String> closeOutOne(ApplicationItem current, ApplicationStatus to, String note, StaffIdentity staff) {
        Instant at = now();
        if (current.getStatus().isFinal()) {
            return Optional.of("already " + current.getStatus().wire());
        }
        Optional<String> held = heldEmail(current, at);
        if (held.isPresent()) {
            return Optional.of("the email of its last decision is held until " + held.get());
        }
        try {
            commitDecision(current, to, note, false, staff, at, "close-out decision");
            return Optional.empty();
        } catch (WriteTransaction.ConditionFailed e) {
            return Optional.of("recusal".equals(e.label()) ? "you are recused from it" : "changed meanwhile");
        }
    }

    private void commitDecision(ApplicationItem current, ApplicationStatus to, String note, boolean coPartner,
                                StaffIdentity staff, Instant at, String action) {
        String now = Timestamps.format(at);
        long expected = current.getVersion();
        long next = expected + 1;
        ApplicationStatus from = current.getStatus();
        Instant due = at.plus(hold);
        WriteTransaction transaction = new WriteTransaction(dynamo);
        reviewers.requireNotRecused(transaction, current.getId(), staff.subject());
        // An erased application has no address left to write to (and no names to fill the copy with).
        String emailId = emailFor(to).filter(type -> current.getContactEmail() != null).map(type -> {
            OutboxItem email = OutboxItem.held(type, current.getId(), "v" + next, current.getContactEmail(),
                    ApplicationMail.data(current), at, due);
            outbox.queue(transaction, email);
            return email.getOutboxId();
        }).orElse(null);
        boolean joint = coPartner && to == ApplicationStatus.ACCEPTED;
        applications.moveStatus(transaction, current, to, expected, now,
                new ApplicationRepository.Hold(Timestamps.format(due), from, emailId), joint);
        log.status(transaction, current.getId(),
                new ApplicationLog.StatusEntry(to, staff.displayName(), now, note, next, joint ? Boolean.TRUE : null, null));
        count(transaction, current, from, to);
        audit.record(transaction, staff, action, current.getId(), Map.of("from", from.wire(), "to", to.wire()));
        if (to == ApplicationStatus.ACCEPTED && current.getRegionId() != null) {
            regions.acceptPartner(transaction, current.getRegionId(), current.getId(), current.getOrganizationName(), joint, now);
        }
        transaction.commit();
    }

    /**
     * Undoes the last decision while its hold lasts (not by a reviewer recused from the application, as for a
     * decision): the status returns, the log records the undo, the
     * held email is cancelled and an acceptance gives the region back, in one transaction. The cancel
     * is conditioned on the email still pending and not due, the sweeper's claim on it being due: of an
     * undo and the sweeper at the end of the hold exactly one wins (the loser's answer is a 409).
     */
    public void undo(String id, long expectedVersion, StaffIdentity staff) {
        ApplicationItem current = find(id);
        if (current.getVersion() != expectedVersion) {
            throw versionMoved(current.getVersion());
        }
        Instant at = now();
        if (current.getHeldUntil() == null || current.getHeldFrom() == null) {
            throw new Problem(409, "nothing-to-undo", "Conflict",
                    "The " + current.getStatus().wire() + " status is not a decision that can be undone.", List.of());
        }
        if (!Instant.parse(current.getHeldUntil()).isAfter(at)) {
            throw holdEnded(current);
        }
        String now = Timestamps.format(at);
        ApplicationStatus undone = current.getStatus();
        ApplicationStatus back = current.getHeldFrom();
        WriteTransaction transaction = new WriteTransaction(dynamo);
        reviewers.requireNotRecused(transaction, id, staff.subject());
        applications.undo(transaction, current, expectedVersion, now);
        log.status(transaction, id, new ApplicationLog.StatusEntry(back, staff.displayName(), now, null, expectedVersion + 1, null, undone));
        count(transaction, current, undone, back);
        audit.record(transaction, staff, "decision undone", id, Map.of("from", undone.wire(), "to", back.wire()));
        if (current.getHeldEmailId() != null) {
            outbox.cancel(transaction, current.getHeldEmailId(), at);
        }
        if (undone == ApplicationStatus.ACCEPTED && current.getRegionId() != null) {
            if (Boolean.TRUE.equals(current.getCoPartner())) {
                regions.releaseCoPartner(transaction, current.getRegionId(), now);
            } else {
                regions.releasePartner(transaction, current.getRegionId(), id, now);
            }
        }
        try {
            transaction.commit();
        } catch (WriteTransaction.ConditionFailed e) {
            if ("recusal".equals(e.label())) {
                throw ScoreService.recusedProblem();
            }
            if (OutboxRepository.CANCEL_LABEL.equals(e.label())) {
                throw holdEnded(current);
            }
            if (RegionRepository.LABEL.equals(e.label())) {
                throw new Problem(409, "region-changed", "Conflict",
                        "The region's partnership changed since this acceptance: its partner changed, or a co-partner's"
                                + " acceptance stands on it (undo that one first, while its hold lasts).", List.of());
            }
            ApplicationItem now2 = find(id);
            throw now2.getVersion() != expectedVersion ? versionMoved(now2.getVersion()) : holdEnded(current);
        }
    }

    /** When the held email of the last decision goes out, if it is still held at {@code at}. */
    static Optional<String> heldEmail(ApplicationItem item, Instant at) {
        if (item.getHeldEmailId() == null || item.getHeldUntil() == null || !Instant.parse(item.getHeldUntil()).isAfter(at)) {
            return Optional.empty();
        }
        return Optional.of(item.getHeldUntil());
    }

    private void count(WriteTransaction transaction, ApplicationItem current, ApplicationStatus from, ApplicationStatus to) {
        counters.add(transaction, Counters.APPLICATIONS_ALL, from.wire(), -1);
        counters.add(transaction, Counters.APPLICATIONS_ALL, to.wire(), 1);
        String regionScope = Counters.applicationsInRegion(current.getRegionKey());
        counters.add(transaction, regionScope, from.wire(), -1);
        counters.add(transaction, regionScope, to.wire(), 1);
    }

    private Problem conflict(WriteTransaction.ConditionFailed e, ApplicationItem current, boolean coPartner) {
        if ("recusal".equals(e.label())) {
            return ScoreService.recusedProblem();
        }
        if (!RegionRepository.LABEL.equals(e.label())) {
            return versionMoved(find(current.getId()).getVersion());
        }
        var region = regions.find(current.getRegionId());
        if (region.isEmpty()) {
            return new Problem(409, "region-missing", "Conflict",
                    "The application's region no longer exists; it cannot be accepted.", List.of());
        }
        RegionItem r = region.get();
        String name = r.getName() == null ? r.getRegionId() : r.getName();
        if (r.getStatus() == RegionStatus.CLOSED) {
            return new Problem(409, "region-closed", "Conflict",
                    "The region " + name + " (" + r.getRegionId() + ") is closed: accepting would reopen it. Reopen the region first.",
                    List.of(new FieldError("status", "The region " + r.getRegionId() + " is closed.")));
        }
        if (coPartner && r.getPartnerApplicationId() == null) {
            String message = "The region " + r.getRegionId() + " has no partner yet to share with.";
            return new Problem(409, "no-partner-to-join", "Conflict", "The region " + name + " (" + r.getRegionId()
                    + ") has no partner yet, so there is no partnership to join. Accept without \"coPartner\" to make this"
                    + " organization its partner.", List.of(new FieldError("coPartner", message)));
        }
        String partner = r.getPartnerName() == null || r.getPartnerName().isBlank()
                ? "a partner already selected" : r.getPartnerName() + " (application " + r.getPartnerApplicationId() + ")";
        return new Problem(409, "region-has-partner", "Conflict",
                "The region " + name + " (" + r.getRegionId() + ") already has its partner: " + partner
                        + ". Send \"coPartner\": true to accept a deliberate joint partnership.",
                List.of(new FieldError("coPartner", "The region " + r.getRegionId() + " already has its partner: " + partner + ".")));
    }

    private static Problem holdEnded(ApplicationItem current) {
        return new Problem(409, "hold-ended", "Conflict",
                "The hold of the " + current.getStatus().wire() + " decision ended at " + current.getHeldUntil()
                        + ": it is final and its email is sent or going out.", List.of());
    }

    public ApplicationLog.Note addNote(String id, String text, StaffIdentity staff) {
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
