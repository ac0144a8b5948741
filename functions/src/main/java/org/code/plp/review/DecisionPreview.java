package org.code.plp.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationMail;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.http.Problem;
import org.code.plp.notify.Email;
import org.code.plp.notify.EmailCopy;
import org.code.plp.notify.EmailRenderer;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Env;
import org.code.plp.platform.Timestamps;

/**
 * GET /admin/applications/{id}/decision-preview?status=: the email the applicant would get, rendered by
 * the renderer Notify uses from the same copy and the same values a decision queues, so what staff confirm
 * is what is sent. The copy is loaded on the first preview, not at init (decisions do not need it).
 */
public class DecisionPreview {
    private final ApplicationRepository applications;
    private final Env env;
    private final Clock clock;
    private final Duration hold;
    private EmailRenderer renderer;

    public DecisionPreview(ApplicationRepository applications, Env env, Clock clock, Duration hold) {
        this.applications = applications;
        this.env = env;
        this.clock = clock;
        this.hold = hold;
    }

    /** {@code email} is null when the status sends none; the note is always internal (never emailed). */
    public record Preview(ApplicationStatus status, ApplicationStatus from, EmailPreview email, boolean noteIsInternal,
                          long holdMinutes, String sendsAt) {
    }

    public record EmailPreview(String to, String subject, String text) {
    }

    /** {@code wire} is validated after the read, as a decision is: an unreachable DynamoDB answers 503 first. */
    public Preview preview(String id, String wire) {
        ApplicationItem item = applications.find(id).orElseThrow(() -> Problem.notFound("There is no application '" + id + "'."));
        ApplicationStatus status = ReviewValidator.previewStatus(wire);
        DecisionService.checkTransition(item.getStatus(), status);
        Instant now = Timestamps.truncate(clock.instant());
        Instant due = now.plus(hold);
        EmailPreview email = DecisionService.emailFor(status).map(type -> {
            Email rendered = renderer().render(OutboxItem.held(type, id, "preview", item.getContactEmail(),
                    ApplicationMail.data(item), now, due));
            return new EmailPreview(rendered.to(), rendered.subject(), rendered.text());
        }).orElse(null);
        return new Preview(status, item.getStatus(), email, true, hold.toMinutes(), email == null ? null : Timestamps.format(due));
    }

    private synchronized EmailRenderer renderer() {
        if (renderer == null) {
            renderer = new EmailRenderer(new EmailCopy(), env);
        }
        return renderer;
    }
}
