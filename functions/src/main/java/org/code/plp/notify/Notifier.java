package org.code.plp.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Log;
import org.code.plp.platform.Metrics;

/**
 * Sends one outbox email exactly once: claim it (a conditional update, so a redelivered record, the
 * sweeper or an undo racing it finds it taken, done or cancelled), render, send through SES, then
 * record the SES message id under the same lease. A transient failure hands the claim back, due again
 * after the retry policy's backoff; when the attempts run out, or SES rejects the message, the email
 * is marked failed and counted in the alarmed EmailsFailed metric.
 */
public class Notifier {
    public enum Outcome {
        /** Sent now. */
        SENT,
        /** Not this sender's to send: not due yet, sent, failed, cancelled, or held by a live lease. */
        SKIPPED,
        /** Will never be sent: rejected, or its retries ran out. */
        FAILED,
        /** Failed for now; due again after the backoff (the sweeper retries it). */
        RETRY
    }

    private final OutboxLeases leases;
    private final EmailRenderer renderer;
    private final SesMailer mailer;
    private final Clock clock;
    private final long leaseMillis;
    private final RetryPolicy retries;
    private final EmailMetrics metrics;
    private final LinkMinter links;

    public Notifier(OutboxLeases leases, EmailRenderer renderer, SesMailer mailer, Clock clock, long leaseMillis,
                    RetryPolicy retries, EmailMetrics metrics) {
        this(leases, renderer, mailer, clock, leaseMillis, retries, metrics, LinkMinter.NONE);
    }

    /** With {@code links}: the private links applicant emails carry, minted as each is sent. */
    public Notifier(OutboxLeases leases, EmailRenderer renderer, SesMailer mailer, Clock clock, long leaseMillis,
                    RetryPolicy retries, EmailMetrics metrics, LinkMinter links) {
        this.links = links;
        this.leases = leases;
        this.renderer = renderer;
        this.mailer = mailer;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
        this.retries = retries;
        this.metrics = metrics;
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
            messageId = mailer.send(renderer.render(item, links.linksFor(item)), outboxId);
        } catch (DeliveryFailure failure) {
            return failed(item, leaseId, failure.isPermanent(), failure.getMessage());
        } catch (RuntimeException unexpected) {
            return failed(item, leaseId, false, unexpected.getClass().getSimpleName());
        }
        boolean recorded = leases.markSent(outboxId, leaseId, messageId, clock.instant());
        // Not recorded: the lease ran out while SES was busy and someone else may have sent it too; say so loudly.
        log(outboxId, Outcome.SENT, recorded ? messageId : "sent after the lease ended (possible duplicate) " + messageId);
        return Outcome.SENT;
    }

    private Outcome failed(OutboxItem item, String leaseId, boolean permanent, String reason) {
        String outboxId = item.getOutboxId();
        Instant now = clock.instant();
        long attempts = item.getAttempts() == null ? 1 : item.getAttempts();
        Optional<Instant> retryAt = permanent ? Optional.empty() : retries.next(attempts, now);
        if (retryAt.isPresent()) {
            leases.release(outboxId, leaseId, retryAt.get(), reason);
            log(outboxId, Outcome.RETRY, reason + "; attempt " + attempts + ", next at " + retryAt.get());
            return Outcome.RETRY;
        }
        String why = permanent ? reason : "gave up after " + attempts + " attempts: " + reason;
        leases.markFailed(outboxId, leaseId, why, now);
        metrics.failed(now.toEpochMilli());
        log(outboxId, Outcome.FAILED, why);
        return Outcome.FAILED;
    }

    // One JSON line per email: ids and reasons only, never addresses or content (PII); and its count.
    private static void log(String outboxId, Outcome outcome, String detail) {
        Object[] fields = {"outboxId", outboxId, "outcome", outcome.name(), "detail", detail};
        switch (outcome) {
            case SENT -> {
                Log.info("notify", fields);
                Metrics.count(Metrics.EMAILS_SENT);
            }
            case FAILED -> Log.error("notify", null, fields); // counted by EmailMetrics where it is decided
            case RETRY -> {
                Log.warn("notify", fields);
                Metrics.count(Metrics.EMAILS_RETRIED);
            }
            default -> Log.info("notify", fields);
        }
    }
}
