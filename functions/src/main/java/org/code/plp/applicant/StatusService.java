package org.code.plp.applicant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.code.plp.applicant.AccessTokens.Grant;
import org.code.plp.applicant.AccessTokens.Purpose;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationLog.StatusEntry;
import org.code.plp.applications.ApplicationMail;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationService;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.applications.DuplicateKeys;
import org.code.plp.counters.Counters;
import org.code.plp.http.Problem;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What an applicant can do with the private link of their application: see where it stands,
 * withdraw it, and correct their contact details while it is unreviewed (a new email address only
 * once confirmed from that address). Every change is a new version with a status-log entry by the
 * applicant, so staff see it, and a reviewer deciding at the same time gets a 409, not lost data.
 */
public class StatusService {
    /** A status link stops working this long after the application is decided (or withdrawn). */
    public static final Duration AFTER_DECISION = Duration.ofDays(90);

    private final AccessTokens tokens;
    private final ApplicationRepository applications;
    private final ApplicantWrites writes;
    private final ApplicationLog log;
    private final Counters counters;
    private final OutboxRepository outbox;
    private final DynamoDbClient dynamo;
    private final Clock clock;

    public StatusService(AccessTokens tokens, ApplicationRepository applications, ApplicantWrites writes, ApplicationLog log,
                         Counters counters, OutboxRepository outbox, DynamoDbClient dynamo, Clock clock) {
        this.tokens = tokens;
        this.applications = applications;
        this.writes = writes;
        this.log = log;
        this.counters = counters;
        this.outbox = outbox;
        this.dynamo = dynamo;
        this.clock = clock;
    }

    /** What the status page shows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusView(String id, String organizationName, String regionName, ApplicationStatus status, String statusText,
                             String next, String submittedAt, List<TimelineEvent> timeline, ApplicationForm.ProgramManager contact,
                             List<AnswersText.Answer> answers, boolean canWithdraw, boolean canCorrect, String linkValidUntil,
                             String emailConfirmationSentTo) {
        StatusView confirmationSentTo(String email) {
            return new StatusView(id, organizationName, regionName, status, statusText, next, submittedAt, timeline, contact,
                    answers, canWithdraw, canCorrect, linkValidUntil, email);
        }
    }

    /** One thing that happened, in plain words. */
    public record TimelineEvent(String at, ApplicationStatus status, String what) {
    }

    /** The answer to confirming a new email address. */
    public record EmailConfirmed(String id, String email) {
    }

    /** One answer for a missing, unknown, expired or wrong-purpose link: no hint which. */
    public static Problem invalidLink() {
        return new Problem(401, "link-not-valid", "Link not valid",
                "This link is not valid or has expired. Ask for a new one on the status page.", List.of());
    }

    private record Opened(ApplicationItem item, List<StatusEntry> statusLog) {
    }

    private Opened open(String token) {
        Grant grant = tokens.resolve(token, Purpose.STATUS).orElseThrow(StatusService::invalidLink);
        ApplicationItem item = applications.find(grant.subjectId()).orElseThrow(StatusService::invalidLink);
        List<StatusEntry> statusLog = log.read(item.getId()).statusLog();
        Instant decidedAt = decidedAt(item.getStatus(), statusLog);
        if (decidedAt != null && !clock.instant().isBefore(decidedAt.plus(AFTER_DECISION))) {
            throw invalidLink();
        }
        return new Opened(item, statusLog);
    }

    /** When the application reached its current final status, or null while it is still open. */
    static Instant decidedAt(ApplicationStatus status, List<StatusEntry> statusLog) {
        if (!status.isFinal()) {
            return null;
        }
        ApplicationStatus previous = null;
        Instant at = null;
        for (StatusEntry entry : statusLog) {
            if (entry.status() != previous && entry.status().isFinal()) {
                at = Instant.parse(entry.at());
            }
            previous = entry.status();
        }
        return at;
    }

    /**
     * A decision is the applicant's to see only once it stands: while its hold lasts staff may undo it and
     * its email has not gone out, so the page shows the status it came from, offers nothing that decision
     * would refuse, and its log entry is left out; an undone decision and its undo never show.
     */
    public StatusView view(String token) {
        Opened opened = open(token);
        ApplicationItem item = opened.item();
        ApplicationForm form = item.form();
        boolean held = item.heldAt(clock.instant());
        ApplicationStatus status = held ? item.getHeldFrom() : item.getStatus();
        List<StatusEntry> standing = standing(opened.statusLog(), held ? item.getVersion() : null);
        StatusWords.Words words = StatusWords.of(status);
        Instant decidedAt = decidedAt(status, standing);
        return new StatusView(item.getId(), item.getOrganizationName(), item.getRegionName(), status, words.headline(),
                words.next(), item.getSubmittedAt(), timeline(standing), form.programManager(), AnswersText.of(form),
                !held && status.allowedNext().contains(ApplicationStatus.WITHDRAWN),
                !held && status == ApplicationStatus.UNREVIEWED,
                decidedAt == null ? null : Timestamps.format(decidedAt.plus(AFTER_DECISION)), null);
    }

    /**
     * The status log as the applicant may see it: without the entry of a decision still held (at
     * {@code heldVersion}, null when none is), and without an undone decision and the undo of it.
     */
    static List<StatusEntry> standing(List<StatusEntry> statusLog, Long heldVersion) {
        List<StatusEntry> standing = new ArrayList<>();
        for (StatusEntry entry : statusLog) {
            if (heldVersion != null && entry.version() == heldVersion) {
                continue;
            }
            if (entry.undid() != null) {
                for (int i = standing.size() - 1; i > 0; i--) {
                    if (standing.get(i).status() == entry.undid()) {
                        standing.remove(i);
                        break;
                    }
                }
                continue;
            }
            standing.add(entry);
        }
        return standing;
    }

    /** What happened, oldest first: staff decisions by their status only (their notes are internal). */
    static List<TimelineEvent> timeline(List<StatusEntry> statusLog) {
        List<TimelineEvent> events = new ArrayList<>();
        boolean first = true;
        for (StatusEntry entry : statusLog) {
            String what;
            if (first) {
                what = "You applied.";
            } else if (ApplicationService.APPLICANT.equals(entry.by())) {
                what = entry.status() == ApplicationStatus.WITHDRAWN ? "You withdrew the application."
                        : Objects.requireNonNullElse(entry.note(), "You changed the application.");
            } else {
                what = "Status: " + StatusWords.of(entry.status()).headline() + ".";
            }
            events.add(new TimelineEvent(entry.at(), entry.status(), what));
            first = false;
        }
        return events;
    }

    public StatusView withdraw(String token) {
        ApplicationItem item = open(token).item();
        ApplicationStatus from = item.getStatus();
        if (item.heldAt(clock.instant())) {
            // Refused without naming the held status: the applicant learns a decision from its email, once it stands.
            throw Problem.conflict("being-updated", "Our team is updating this application right now."
                    + " Reload the page in a few minutes and try again.");
        }
        if (!from.allowedNext().contains(ApplicationStatus.WITHDRAWN)) {
            throw Problem.conflict("not-withdrawable", "This application is " + StatusWords.of(from).headline().toLowerCase()
                    + " and can no longer be withdrawn.");
        }
        String now = Timestamps.format(Timestamps.truncate(clock.instant()));
        long next = item.getVersion() + 1;
        WriteTransaction transaction = new WriteTransaction(dynamo);
        applications.moveStatus(transaction, item, ApplicationStatus.WITHDRAWN, item.getVersion(), now);
        log.status(transaction, item.getId(), new StatusEntry(ApplicationStatus.WITHDRAWN, ApplicationService.APPLICANT, now,
                "The applicant withdrew the application.", next));
        String region = Counters.applicationsInRegion(item.getRegionKey());
        for (String scope : List.of(Counters.APPLICATIONS_ALL, region)) {
            counters.add(transaction, scope, from.wire(), -1);
            counters.add(transaction, scope, ApplicationStatus.WITHDRAWN.wire(), 1);
        }
        commit(transaction);
        return view(token);
    }

    /**
     * Corrects the program manager's contact details while the application is unreviewed. Name,
     * title and phone change at once; a new email address is only requested here, and changes when
     * the link sent to it is opened ({@link #confirmEmail}).
     */
    public StatusView correct(String token, ApplicationForm.ProgramManager asked) {
        ApplicationItem item = open(token).item();
        requireUnreviewed(item);
        ApplicationForm form = item.form();
        ApplicationForm.ProgramManager current = form.programManager();
        List<String> changed = changedFields(asked, current);
        boolean newEmail = !asked.email().equals(current.email());
        if (changed.isEmpty() && !newEmail) {
            return view(token);
        }
        Instant instant = Timestamps.truncate(clock.instant());
        String now = Timestamps.format(instant);
        List<String> notes = new ArrayList<>();
        WriteTransaction transaction = new WriteTransaction(dynamo);
        if (changed.isEmpty()) {
            writes.touch(transaction, item, now);
        } else {
            ApplicationForm.ProgramManager corrected = new ApplicationForm.ProgramManager(asked.firstName(), asked.lastName(),
                    asked.title(), current.email(), asked.phone());
            writes.replaceAnswers(transaction, item, form.withProgramManager(corrected), now);
            notes.add("You corrected your contact details (" + String.join(", ", changed) + ").");
        }
        if (newEmail) {
            Map<String, String> data = new LinkedHashMap<>(ApplicationMail.data(item));
            data.put("newEmail", asked.email());
            // Named by the version this change makes (unique, as the change is conditioned on the version), so erasure finds it by key.
            outbox.queue(transaction, OutboxItem.pending(EmailType.EMAIL_CHANGE, item.getId(), "v" + (item.getVersion() + 1),
                    asked.email(), data, instant));
            notes.add("You asked to change the contact email; a confirmation link was sent to the new address.");
        }
        log.status(transaction, item.getId(), new StatusEntry(item.getStatus(), ApplicationService.APPLICANT, now,
                String.join(" ", notes), item.getVersion() + 1));
        commit(transaction);
        StatusView answer = view(token);
        return newEmail ? answer.confirmationSentTo(asked.email()) : answer;
    }

    /** Opens the link sent to a new email address: the address becomes the contact email (once). */
    public EmailConfirmed confirmEmail(String token) {
        Grant grant = tokens.resolve(token, Purpose.EMAIL_CHANGE).orElseThrow(StatusService::invalidLink);
        ApplicationItem item = applications.find(grant.subjectId()).filter(found -> found.getErasedAt() == null)
                .orElseThrow(StatusService::invalidLink);
        requireUnreviewed(item);
        ApplicationForm form = item.form();
        ApplicationForm.ProgramManager m = form.programManager();
        ApplicationForm.ProgramManager confirmed = new ApplicationForm.ProgramManager(m.firstName(), m.lastName(), m.title(),
                grant.email(), m.phone());
        String now = Timestamps.format(Timestamps.truncate(clock.instant()));
        WriteTransaction transaction = new WriteTransaction(dynamo);
        writes.replaceAnswers(transaction, item, form.withProgramManager(confirmed), now);
        // The possible-duplicate flag follows the address: the old one's count drops, the new one's rises.
        String newKey = DuplicateKeys.emailKey(grant.email());
        if (!newKey.equals(item.getEmailKey())) {
            if (item.getEmailKey() != null) {
                counters.add(transaction, DuplicateKeys.EMAIL_SCOPE, item.getEmailKey(), -1);
            }
            counters.add(transaction, DuplicateKeys.EMAIL_SCOPE, newKey, 1);
        }
        tokens.spend(transaction, token);
        log.status(transaction, item.getId(), new StatusEntry(item.getStatus(), ApplicationService.APPLICANT, now,
                "You confirmed a new contact email address.", item.getVersion() + 1));
        try {
            transaction.commit();
        } catch (WriteTransaction.ConditionFailed e) {
            throw "access token".equals(e.label()) ? invalidLink() : changedMeanwhile();
        }
        return new EmailConfirmed(item.getId(), grant.email());
    }

    private static List<String> changedFields(ApplicationForm.ProgramManager asked, ApplicationForm.ProgramManager current) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(asked.firstName(), current.firstName())) {
            changed.add("firstName");
        }
        if (!Objects.equals(asked.lastName(), current.lastName())) {
            changed.add("lastName");
        }
        if (!Objects.equals(asked.title(), current.title())) {
            changed.add("title");
        }
        if (!Objects.equals(asked.phone(), current.phone())) {
            changed.add("phone");
        }
        return changed;
    }

    private static void requireUnreviewed(ApplicationItem item) {
        if (item.getStatus() != ApplicationStatus.UNREVIEWED) {
            throw Problem.conflict("under-review", "Our team has started reviewing this application, so it can no longer be"
                    + " changed here. Write to us by replying to your confirmation email.");
        }
    }

    private static void commit(WriteTransaction transaction) {
        try {
            transaction.commit();
        } catch (WriteTransaction.ConditionFailed e) {
            throw changedMeanwhile();
        }
    }

    private static Problem changedMeanwhile() {
        return Problem.conflict("changed", "The application changed while you were looking at it. Reload the page and try again.");
    }
}
