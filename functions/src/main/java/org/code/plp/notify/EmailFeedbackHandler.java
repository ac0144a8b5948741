package org.code.plp.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.code.plp.platform.Log;
import org.code.plp.platform.Metrics;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;

/**
 * SES bounce and complaint events (the configuration set's EventBridge destination): records each
 * on the outbox item the email came from (its "outbox" tag), so staff can see that an applicant's
 * confirmation bounced, and counts it. SES itself suppresses the address afterwards. The event's
 * addresses are never logged.
 */
public final class EmailFeedbackHandler implements RequestHandler<ScheduledEvent, EmailFeedbackHandler.Outcome> {
    /** What became of one event: whether it was recorded, on which outbox item, as what. */
    public record Outcome(boolean recorded, String outboxId, String feedback) {
    }

    private final OutboxLeases leases;
    private final Clock clock;
    private Priming priming;

    public EmailFeedbackHandler() {
        this(Platform.fromEnvironment());
    }

    /** With a SnapStart priming hook that only reads the outbox table (an event without a tag records nothing). */
    public EmailFeedbackHandler(Platform platform) {
        this(new OutboxLeases(platform), platform.clock());
        this.priming = Priming.register(platform, Priming.Read.OUTBOX, () -> handleRequest(new ScheduledEvent(), null));
    }

    public EmailFeedbackHandler(OutboxLeases leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    public Priming priming() {
        return priming;
    }

    @Override
    public Outcome handleRequest(ScheduledEvent event, Context context) {
        Map<String, ?> detail = event.getDetail() == null ? Map.of() : event.getDetail();
        String feedback = feedback(detail);
        String outboxId = outboxId(detail);
        if (feedback == null || outboxId == null) {
            Log.warn("email-feedback", "outcome", "ignored", "detailType", event.getDetailType());
            return new Outcome(false, outboxId, feedback);
        }
        boolean recorded = leases.recordFeedback(outboxId, feedback, clock.instant());
        Log.warn("email-feedback", "outboxId", outboxId, "feedback", feedback, "recorded", recorded);
        Metrics.count(feedback.startsWith("complaint") ? Metrics.EMAILS_COMPLAINED : Metrics.EMAILS_BOUNCED);
        return new Outcome(recorded, outboxId, feedback);
    }

    /** "bounce:Permanent/General", "complaint:abuse", ...: the kind and SES's classification, no address. */
    static String feedback(Map<String, ?> detail) {
        String type = String.valueOf(detail.get("eventType"));
        if (type.equals("Bounce") && detail.get("bounce") instanceof Map<?, ?> bounce) {
            return "bounce:" + bounce.get("bounceType") + "/" + bounce.get("bounceSubType");
        }
        if (type.equals("Complaint") && detail.get("complaint") instanceof Map<?, ?> complaint) {
            Object kind = complaint.get("complaintFeedbackType");
            return "complaint:" + (kind == null ? "unspecified" : kind);
        }
        return null;
    }

    static String outboxId(Map<String, ?> detail) {
        if (detail.get("mail") instanceof Map<?, ?> mail && mail.get("tags") instanceof Map<?, ?> tags
                && tags.get(SesMailer.OUTBOX_TAG) instanceof List<?> values && !values.isEmpty()) {
            return SesMailer.outboxIdOfTag(String.valueOf(values.getFirst()));
        }
        return null;
    }
}
