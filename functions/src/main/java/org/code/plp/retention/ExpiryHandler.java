package org.code.plp.retention;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ApplicationsTable and InterestTable streams: for each item DynamoDB TTL deleted (a REMOVE by the
 * service principal {@value #TTL_PRINCIPAL}; the template's filter passes only those, and this checks again,
 * since a staff or test delete is not an expiry) counts it out and removes what hangs off it ({@link Expiry}).
 * A record that fails is reported by sequence number (ReportBatchItemFailures) for Lambda to deliver again.
 */
public final class ExpiryHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    public static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

    private final Expiry expiry;
    private final String applicationsTable;
    private final String interestTable;
    private Priming priming;

    public ExpiryHandler() {
        this(Platform.fromEnvironment());
    }

    public ExpiryHandler(Platform platform) {
        this.expiry = new Expiry(platform);
        this.applicationsTable = platform.table("APPLICATIONS_TABLE");
        this.interestTable = platform.table("INTEREST_TABLE");
        this.priming = Priming.register(platform, () -> {
            DynamodbEvent empty = new DynamodbEvent();
            empty.setRecords(List.of());
            handleRequest(empty, null);
        });
    }

    /** The SnapStart priming hook. */
    public Priming priming() {
        return priming;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords() == null ? List.<DynamodbEvent.DynamodbStreamRecord>of()
                : event.getRecords()) {
            if (!isTtlDelete(record) || record.getDynamodb().getOldImage() == null) {
                continue;
            }
            try {
                Map<String, AttributeValue> old = image(record.getDynamodb().getOldImage());
                String table = tableOf(record.getEventSourceARN());
                Expiry.Outcome outcome;
                if (applicationsTable.equals(table)) {
                    outcome = expiry.application(old);
                } else if (interestTable.equals(table)) {
                    outcome = expiry.interestForm(old);
                } else {
                    continue;
                }
                System.out.println(Json.object().put("event", "expiry").put("table", table).put("outcome", outcome.name()));
            } catch (RuntimeException e) {
                System.err.println(Json.object().put("event", "expiry").put("level", "ERROR").put("error", e.toString()));
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    /** DynamoDB's TTL deletes are REMOVEs whose user identity is the service itself. */
    static boolean isTtlDelete(DynamodbEvent.DynamodbStreamRecord record) {
        Identity identity = record.getUserIdentity();
        return "REMOVE".equals(record.getEventName()) && identity != null && "Service".equals(identity.getType())
                && TTL_PRINCIPAL.equals(identity.getPrincipalId());
    }

    /** {@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>} -> name. */
    static String tableOf(String streamArn) {
        if (streamArn == null) {
            return null;
        }
        int start = streamArn.indexOf(":table/");
        if (start < 0) {
            return null;
        }
        int end = streamArn.indexOf("/stream/", start);
        return end < 0 ? streamArn.substring(start + 7) : streamArn.substring(start + 7, end);
    }

    /** The image's strings and numbers (all expiry reads). */
    private static Map<String, AttributeValue> image(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> out = new HashMap<>();
        image.forEach((name, value) -> {
            if (value.getS() != null) {
                out.put(name, AttributeValue.fromS(value.getS()));
            } else if (value.getN() != null) {
                out.put(name, AttributeValue.fromN(value.getN()));
            }
        });
        return out;
    }
}
