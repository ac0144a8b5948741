package org.code.plp.notify;

import org.code.plp.platform.Priming;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.code.plp.platform.Json;
import org.code.plp.platform.Log;
import org.code.plp.platform.Platform;

/**
 * The outbox sweeper, every minute: sends every email that is due and not sent, i.e. held decision
 * emails whose hold ended, emails whose last attempt failed and whose backoff is over, and emails whose
 * sender died holding the lease. Found by Queries on the byDue index (state, dueAt), never a Scan,
 * oldest due first. Stops at the first transient failure: SES is still down, and each failure already
 * set its own backoff.
 */
public final class NotifyRedriveHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>>, RequestStreamHandler {
    private static final int DEFAULT_BATCH = 500;

    private final OutboxLeases leases;
    private final Notifier notifier;
    private final Clock clock;
    private final int batch;
    private Priming priming;

    public NotifyRedriveHandler() {
        this(Platform.fromEnvironment());
    }

    /** With a SnapStart priming hook that only reads and builds the SES client: a sweep would send email. */
    public NotifyRedriveHandler(Platform platform) {
        this(new OutboxLeases(platform), Notifications.notifier(platform), platform.clock(),
                Integer.parseInt(platform.env().get("SWEEP_BATCH", Integer.toString(DEFAULT_BATCH))));
        this.priming = Priming.register(platform, Priming.Read.OUTBOX, platform::ses);
    }

    /** The SnapStart priming hook, when built with a Platform. */
    public Priming priming() {
        return priming;
    }

    public NotifyRedriveHandler(OutboxLeases leases, Notifier notifier, Clock clock, int batch) {
        this.leases = leases;
        this.notifier = notifier;
        this.clock = clock;
        this.batch = batch;
    }

    /**
     * Lambda's entry point (the runtime prefers this overload of {@code handleRequest}): the schedule's event says
     * nothing the sweep needs, so it is not parsed, and the runtime's event serializer never loads.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        Json.MAPPER.writeValue(output, sweep());
    }

    /** The same run from an event object (the local cloud and tests call this). */
    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        return sweep();
    }

    /** Sends what is due, stopping at the first transient failure; the counts by outcome. */
    public Map<String, Integer> sweep() {
        Instant now = clock.instant();
        List<String> due = leases.findDue(now, batch);
        Map<Notifier.Outcome, Integer> counts = new EnumMap<>(Notifier.Outcome.class);
        for (String outboxId : due) {
            Notifier.Outcome outcome = notifier.deliver(outboxId);
            counts.merge(outcome, 1, Integer::sum);
            if (outcome == Notifier.Outcome.RETRY) {
                break;
            }
        }
        Map<String, Integer> report = new LinkedHashMap<>();
        report.put("found", due.size());
        for (Notifier.Outcome outcome : Notifier.Outcome.values()) {
            report.put(outcome.name().toLowerCase(Locale.ROOT), counts.getOrDefault(outcome, 0));
        }
        Log.info("notify-sweep", "report", report);
        return report;
    }
}
