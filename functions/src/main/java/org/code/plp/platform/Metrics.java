package org.code.plp.platform;

/**
 * Business counts as CloudWatch embedded metric format: one JSON log line that CloudWatch turns into
 * a metric in namespace {@value #NAMESPACE} with the dimension {@code Stage} (no API call, no client,
 * nothing at init). The template's alarms and dashboard read these names.
 */
public final class Metrics {
    public static final String NAMESPACE = "PLP";
    public static final String APPLICATIONS_SUBMITTED = "ApplicationsSubmitted";
    public static final String INTEREST_SUBMITTED = "InterestSubmitted";
    public static final String DECISIONS = "Decisions";
    public static final String EMAILS_SENT = "EmailsSent";
    public static final String EMAILS_FAILED = "EmailsFailed";
    public static final String EMAILS_RETRIED = "EmailsRetried";
    public static final String EMAILS_BOUNCED = "EmailsBounced";
    public static final String EMAILS_COMPLAINED = "EmailsComplained";
    /** Any 503 answer: busy (transaction conflicts after retries) or DynamoDB unavailable. */
    public static final String API_503 = "Api503";

    private static final String STAGE = System.getenv().getOrDefault("STAGE", "local");

    private Metrics() {
    }

    public static void count(String metric) {
        System.out.println(line(metric, 1, STAGE, System.currentTimeMillis()));
    }

    public static String line(String metric, long value, String stage, long epochMillis) {
        return Json.object(json -> {
            json.writeStringField("level", Log.Level.INFO.name());
            json.writeStringField("event", "metric");
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", epochMillis);
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeString("Stage");
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            json.writeStartObject();
            json.writeStringField("Name", metric);
            json.writeStringField("Unit", "Count");
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField("Stage", stage);
            json.writeNumberField(metric, value);
        });
    }
}
