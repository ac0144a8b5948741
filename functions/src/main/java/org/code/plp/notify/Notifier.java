package org.code.plp.notify;

import java.time.Clock;
import java.util.UUID;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Json;

/**
 * Sends one outbox email exactly once: claim it (a conditional update, so a redelivered record or
 * a concurrent redrive finds it taken or done), render, send through SES, then record the SES
 * message id under the same lease. A transient failure hands the claim back for the retry.
 */
public class Notifier {
    public enum Outcome {
        SENT, SKIPPED, FAILED, RETRY
    }

    private final OutboxLeases leases;
    private final EmailRenderer renderer;
    private final SesMailer mailer;
    private final Clock clock;
    private final long leaseMillis;
    private final LinkMinter links;

    public Notifier(OutboxLeases leases, EmailRenderer renderer, SesMailer mailer, Clock clock, long leaseMillis) {
        this(leases, renderer, mailer, clock, leaseMillis, LinkMinter.NONE);
    }

    public Notifier(OutboxLeases leases, EmailRenderer renderer, SesMailer mailer, Clock clock, long leaseMillis,
                    LinkMinter links) {
        this.links = links;
        this.leases = leases;
        this.renderer = renderer;
        this.mailer = mailer;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
    }

    public Outcome deliver(String outboxId) {
        String leaseId = UUID.randomUUID().toString();
        OutboxLeases.Claim claim = leases.claim(outboxId, leaseId, clock.instant(), leaseMillis);
        if (claim instanceof OutboxLeases.Claim.NotClaimed(String why)) {
            log(outboxId, Outcome.SKIPPED, why);
            return Outcome.SKIPPED;
        }
        OutboxItem item = ((OutboxLeases.Claim.Claimed) claim).item();
        String messageId;
        try {
            messageId = mailer.send(renderer.render(item, links.linksFor(item)));
        } catch (DeliveryFailure failure) {
            return failed(outboxId, leaseId, failure.isPermanent(), failure.getMessage());
        } catch (RuntimeException unexpected) {
            return failed(outboxId, leaseId, false, unexpected.getClass().getSimpleName());
        }
        boolean recorded = leases.markSent(outboxId, leaseId, messageId, clock.instant());
        // Not recorded: the lease ran out while SES was busy and someone else may have sent it too; say so loudly.
        log(outboxId, Outcome.SENT, recorded ? messageId : "sent after the lease ended (possible duplicate) " + messageId);
        return Outcome.SENT;
    }

    private Outcome failed(String outboxId, String leaseId, boolean permanent, String reason) {
        if (permanent) {
            leases.markFailed(outboxId, leaseId, reason, clock.instant());
            log(outboxId, Outcome.FAILED, reason);
            return Outcome.FAILED;
        }
        leases.release(outboxId, leaseId);
        log(outboxId, Outcome.RETRY, reason);
        return Outcome.RETRY;
    }

    // One JSON line per email: ids and reasons only, never addresses or content (PII).
    private static void log(String outboxId, Outcome outcome, String detail) {
        var line = Json.object()
                .put("event", "notify").put("outboxId", outboxId).put("outcome", outcome.name()).put("detail", detail);
        (outcome == Outcome.FAILED || outcome == Outcome.RETRY ? System.err : System.out).println(line);
    }
}
