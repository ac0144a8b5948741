package org.code.plp.notify;

import org.code.plp.platform.Priming;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.code.plp.platform.Json;
import org.code.plp.platform.Log;
import org.code.plp.platform.Platform;

/**
 * OutboxTable's stream: sends the email of every new outbox item that is due now (a held decision
 * email is skipped: the sweeper sends it when it comes due). Only INSERTs matter (the MODIFYs are
 * this function's own bookkeeping). An email SES failed for now was handed back with its backoff and
 * is the sweeper's to retry, so the stream moves on; only a record that could not be processed at all
 * (DynamoDB failing) is reported by sequence number (ReportBatchItemFailures) for Lambda to re-deliver.
 */
public final class NotifyHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, RequestStreamHandler {
    private static final byte[] EMPTY_BATCH = "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8);

    private final Notifier notifier;
    private Priming priming;

    public NotifyHandler() {
        this(Platform.fromEnvironment());
    }

    /** With a SnapStart priming hook: an empty batch through the handler and the SES client built, no email sent. */
    public NotifyHandler(Platform platform) {
        this(Notifications.notifier(platform));
        this.priming = Priming.register(platform, Priming.Read.OUTBOX, () -> {
            try {
                handleRequest(new ByteArrayInputStream(EMPTY_BATCH), OutputStream.nullOutputStream(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    /** One stream record, as much of it as sending needs. */
    record Change(String eventName, String outboxId, String sequenceNumber) {
    }

    /**
     * Lambda's entry point (the runtime prefers this overload of {@code handleRequest}): the batch read with the
     * one ObjectMapper's tree model, so the runtime's event serializer never loads.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<Change> changes = new ArrayList<>();
        for (JsonNode record : Json.MAPPER.readTree(input).path("Records")) {
            JsonNode dynamodb = record.path("dynamodb");
            JsonNode outboxId = dynamodb.path("Keys").path("outboxId").path("S");
            changes.add(new Change(record.path("eventName").asText(), outboxId.isTextual() ? outboxId.asText() : null,
                    dynamodb.path("SequenceNumber").asText()));
        }
        ObjectNode answer = Json.object();
        var failures = answer.putArray("batchItemFailures");
        retry(changes).forEach(sequenceNumber -> failures.addObject().put("itemIdentifier", sequenceNumber));
        Json.MAPPER.writeValue(output, answer);
    }

    /** The same batch as an event object (the local cloud and tests call this). */
    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<Change> changes = new ArrayList<>();
        if (event.getRecords() != null) {
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                var keys = record.getDynamodb().getKeys();
                var outboxId = keys == null ? null : keys.get("outboxId");
                changes.add(new Change(record.getEventName(), outboxId == null ? null : outboxId.getS(),
                        record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(retry(changes).stream().map(StreamsEventResponse.BatchItemFailure::new).toList());
    }

    /** Sends the email of every new outbox item; the sequence numbers of the records that could not be processed. */
    private List<String> retry(List<Change> changes) {
        List<String> failures = new ArrayList<>();
        for (Change change : changes) {
            if (!"INSERT".equals(change.eventName())) {
                continue;
            }
            try {
                if (change.outboxId() == null) {
                    throw new IllegalArgumentException("no outboxId key");
                }
                notifier.deliver(change.outboxId());
            } catch (RuntimeException e) {
                Log.error("notify-record", e, "sequenceNumber", change.sequenceNumber());
                failures.add(change.sequenceNumber());
            }
        }
        return failures;
    }
}
