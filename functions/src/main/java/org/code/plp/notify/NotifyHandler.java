package org.code.plp.notify;

import org.code.plp.platform.Priming;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import org.code.plp.platform.Platform;

/**
 * OutboxTable's stream: sends the email of every new outbox item that is due now (a held decision
 * email is skipped: the sweeper sends it when it comes due). Only INSERTs matter (the MODIFYs are
 * this function's own bookkeeping). An email SES failed for now was handed back with its backoff and
 * is the sweeper's to retry, so the stream moves on; only a record that could not be processed at all
 * (DynamoDB failing) is reported by sequence number (ReportBatchItemFailures) for Lambda to re-deliver.
 */
public final class NotifyHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Notifier notifier;
    private Priming priming;

    public NotifyHandler() {
        this(Platform.fromEnvironment());
    }

    /** With a SnapStart priming hook: an empty batch through the handler and the SES client built, no email sent. */
    public NotifyHandler(Platform platform) {
        this(Notifications.notifier(platform));
        this.priming = Priming.register(platform, () -> {
            handleRequest(new DynamodbEvent(), null);
            platform.ses();
        });
    }

    public NotifyHandler(Notifier notifier) {
        this.notifier = notifier;
    }

    /** The SnapStart priming hook, when built with a Platform. */
    public Priming priming() {
        return priming;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event.getRecords() == null) {
            return new StreamsEventResponse(failures);
        }
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if (!"INSERT".equals(record.getEventName())) {
                continue;
            }
            try {
                notifier.deliver(record.getDynamodb().getKeys().get("outboxId").getS());
            } catch (RuntimeException e) {
                System.err.println("Notify could not process record " + record.getDynamodb().getSequenceNumber() + ": " + e);
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }
}
