package org.code.plp.notify;

import org.code.plp.platform.Priming;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;

/**
 * Runs on a schedule and sends what the stream could not: outbox items still pending (or held by
 * a sender whose lease ended) REDRIVE_AFTER_MINUTES after they were written, i.e. after the
 * stream's retries ran out or its records aged past MaximumRecordAgeInSeconds. Found by a Query on
 * the byState index; stops at the first transient failure (SES is still down: try next run).
 */
public final class NotifyRedriveHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private static final int DEFAULT_BATCH = 100;

    private final OutboxLeases leases;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration after;
    private final int batch;
    private Priming priming;

    public NotifyRedriveHandler() {
        this(Platform.fromEnvironment());
    }

    /** With a SnapStart priming hook that only reads and builds the SES client: a redrive run would send email. */
    public NotifyRedriveHandler(Platform platform) {
        this(new OutboxLeases(platform), Notifications.notifier(platform), platform.clock(),
                Duration.ofMinutes(Long.parseLong(platform.env().get("REDRIVE_AFTER_MINUTES", "15"))),
                Integer.parseInt(platform.env().get("REDRIVE_BATCH", Integer.toString(DEFAULT_BATCH))));
        this.priming = Priming.register(platform, platform::ses);
    }

    /** The SnapStart priming hook, when built with a Platform. */
    public Priming priming() {
        return priming;
    }

    public NotifyRedriveHandler(OutboxLeases leases, Notifier notifier, Clock clock, Duration after, int batch) {
        this.leases = leases;
        this.notifier = notifier;
        this.clock = clock;
        this.after = after;
        this.batch = batch;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        Instant now = clock.instant();
        List<String> stale = leases.findStale(now.minus(after), now, batch);
        Map<Notifier.Outcome, Integer> counts = new EnumMap<>(Notifier.Outcome.class);
        for (String outboxId : stale) {
            Notifier.Outcome outcome = notifier.deliver(outboxId);
            counts.merge(outcome, 1, Integer::sum);
            if (outcome == Notifier.Outcome.RETRY) {
                break;
            }
        }
        Map<String, Integer> report = new LinkedHashMap<>();
        report.put("found", stale.size());
        for (Notifier.Outcome outcome : Notifier.Outcome.values()) {
            report.put(outcome.name().toLowerCase(Locale.ROOT), counts.getOrDefault(outcome, 0));
        }
        System.out.println(Json.write(Map.of("event", "notify-redrive", "report", report)));
        return report;
    }
}
