package org.code.plp.applicant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.code.plp.applicant.AccessTokens.Grant;
import org.code.plp.applicant.AccessTokens.Purpose;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationLog.StatusEntry;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationService;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.counters.Counters;
import org.code.plp.http.Problem;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Json;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import org.code.plp.validation.Validator;
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
    private static final Set<String> CONTACT_FIELDS = Set.of("firstName", "lastName", "title", "phone", "email");

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
    static Instant decidedAt(String status, List<StatusEntry> statusLog) {
        if (!ApplicationStatus.FINALIZED.contains(status)) {
            return null;
        }
        String previous = null;
        Instant at = null;
        for (StatusEntry entry : statusLog) {
            if (!entry.status().equals(previous) && ApplicationStatus.FINALIZED.contains(entry.status())) {
                at = Instant.parse(entry.at());
            }
            previous = entry.status();
        }
        return at;
    }

    public Map<String, Object> view(String token) {
        Opened opened = open(token);
        ApplicationItem item = opened.item();
        JsonNode form = Json.read(item.getPayload());
        StatusWords.Words words = StatusWords.of(item.getStatus());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", item.getId());
        body.put("organizationName", item.getOrganizationName());
        body.put("regionName", item.getRegionName());
        body.put("status", item.getStatus());
        body.put("statusText", words.headline());
        body.put("next", words.next());
        body.put("submittedAt", item.getSubmittedAt());
        body.put("timeline", timeline(opened.statusLog()));
        body.put("contact", form.get("programManager"));
        body.put("answers", AnswersText.of(form));
        body.put("canWithdraw", ApplicationStatus.allowedFrom(item.getStatus()).contains(ApplicationStatus.WITHDRAWN));
        body.put("canCorrect", ApplicationStatus.UNREVIEWED.equals(item.getStatus()));
        Instant decidedAt = decidedAt(item.getStatus(), opened.statusLog());
        if (decidedAt != null) {
            body.put("linkValidUntil", Timestamps.format(decidedAt.plus(AFTER_DECISION)));
        }
        return body;
    }

    /** What happened, oldest first: staff decisions by their status only (their notes are internal). */
    static List<Map<String, String>> timeline(List<StatusEntry> statusLog) {
        List<Map<String, String>> events = new ArrayList<>();
        String previous = null;
        for (StatusEntry entry : statusLog) {
            String what;
            if (previous == null) {
                what = "You applied.";
            } else if (ApplicationService.APPLICANT.equals(entry.by())) {
                what = ApplicationStatus.WITHDRAWN.equals(entry.status()) ? "You withdrew the application."
                        : Objects.requireNonNullElse(entry.note(), "You changed the application.");
            } else {
                what = "Status: " + StatusWords.of(entry.status()).headline() + ".";
            }
            events.add(Map.of("at", entry.at(), "status", entry.status(), "what", what));
            previous = entry.status();
        }
        return events;
    }

    public Map<String, Object> withdraw(String token, ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", Set.of("confirm"));
        if (Boolean.FALSE.equals(v.bool(body, "", "confirm", true))) {
            v.error("confirm", "Confirm that you want to withdraw: send \"confirm\": true.");
        }
        v.throwIfInvalid();
        ApplicationItem item = open(token).item();
        String from = item.getStatus();
        if (!ApplicationStatus.allowedFrom(from).contains(ApplicationStatus.WITHDRAWN)) {
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
        counters.add(transaction, Counters.APPLICATIONS_ALL, from, -1);
        counters.add(transaction, Counters.APPLICATIONS_ALL, ApplicationStatus.WITHDRAWN, 1);
        counters.add(transaction, region, from, -1);
        counters.add(transaction, region, ApplicationStatus.WITHDRAWN, 1);
        commit(transaction);
        return view(token);
    }

    /**
     * Corrects the program manager's contact details while the application is unreviewed. Name,
     * title and phone change at once; a new email address is only requested here, and changes when
     * the link sent to it is opened ({@link #confirmEmail}).
     */
    public Map<String, Object> correct(String token, ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", CONTACT_FIELDS);
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("firstName", v.line(body, "", "firstName", true, 100));
        asked.put("lastName", v.line(body, "", "lastName", true, 100));
        asked.put("title", v.line(body, "", "title", false, 150));
        asked.put("phone", v.phone(body, "", "phone", true));
        String email = v.email(body, "", "email", true);
        v.throwIfInvalid();

        ApplicationItem item = open(token).item();
        requireUnreviewed(item);
        ObjectNode form = (ObjectNode) Json.read(item.getPayload());
        ObjectNode manager = (ObjectNode) form.get("programManager");
        List<String> changed = new ArrayList<>();
        asked.forEach((field, value) -> {
            if (!Objects.equals(value, manager.path(field).textValue())) {
                changed.add(field);
                if (value == null) {
                    manager.remove(field);
                } else {
                    manager.put(field, value);
                }
            }
        });
        boolean newEmail = !email.equals(manager.path("email").textValue());
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
            writes.replaceAnswers(transaction, item, form, now);
            notes.add("You corrected your contact details (" + String.join(", ", changed) + ").");
        }
        if (newEmail) {
            Map<String, String> data = ApplicationService.mailData(item.getId(), form, item.getRegionId(), item.getRegionName());
            data.put("newEmail", email);
            outbox.queue(transaction, OutboxItem.pending(EmailType.EMAIL_CHANGE, item.getId(), UUID.randomUUID().toString(),
                    email, data, instant));
            notes.add("You asked to change the contact email; a confirmation link was sent to the new address.");
        }
        log.status(transaction, item.getId(), new StatusEntry(item.getStatus(), ApplicationService.APPLICANT, now,
                String.join(" ", notes), item.getVersion() + 1));
        commit(transaction);
        Map<String, Object> answer = view(token);
        if (newEmail) {
            answer.put("emailConfirmationSentTo", email);
        }
        return answer;
    }

    /** Opens the link sent to a new email address: the address becomes the contact email (once). */
    public Map<String, Object> confirmEmail(ObjectNode body) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", Set.of("token"));
        String token = v.line(body, "", "token", true, 100);
        v.throwIfInvalid();
        Grant grant = tokens.resolve(token, Purpose.EMAIL_CHANGE).orElseThrow(StatusService::invalidLink);
        ApplicationItem item = applications.find(grant.subjectId()).orElseThrow(StatusService::invalidLink);
        requireUnreviewed(item);
        ObjectNode form = (ObjectNode) Json.read(item.getPayload());
        ((ObjectNode) form.get("programManager")).put("email", grant.email());
        String now = Timestamps.format(Timestamps.truncate(clock.instant()));
        WriteTransaction transaction = new WriteTransaction(dynamo);
        writes.replaceAnswers(transaction, item, form, now);
        tokens.spend(transaction, token);
        log.status(transaction, item.getId(), new StatusEntry(item.getStatus(), ApplicationService.APPLICANT, now,
                "You confirmed a new contact email address.", item.getVersion() + 1));
        try {
            transaction.commit();
        } catch (WriteTransaction.ConditionFailed e) {
            throw "access token".equals(e.label()) ? invalidLink() : changedMeanwhile();
        }
        return Map.of("id", item.getId(), "email", grant.email());
    }

    private static void requireUnreviewed(ApplicationItem item) {
        if (!ApplicationStatus.UNREVIEWED.equals(item.getStatus())) {
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
