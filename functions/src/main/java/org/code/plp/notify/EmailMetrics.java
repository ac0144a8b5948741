package org.code.plp.notify;

import java.io.PrintStream;
import org.code.plp.platform.Json;

/**
 * CloudWatch metrics as Embedded Metric Format log lines (no SDK, no extra call): Lambda's log
 * pipeline turns them into the {@code PLP/Email} metrics the template alarms on.
 */
final class EmailMetrics {
    static final String NAMESPACE = "PLP/Email";
    static final String FAILED = "EmailsFailed";

    private final String stage;
    private final PrintStream out;

    EmailMetrics(String stage) {
        this(stage, System.out);
    }

    EmailMetrics(String stage, PrintStream out) {
        this.stage = stage;
        this.out = out;
    }

    /** One email will never be sent (rejected, or its retries ran out). */
    void failed(long epochMillis) {
        var metric = Json.object().put("Name", FAILED).put("Unit", "Count");
        var directive = Json.object().put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Stage");
        directive.putArray("Metrics").add(metric);
        var aws = Json.object().put("Timestamp", epochMillis);
        aws.putArray("CloudWatchMetrics").add(directive);
        var line = Json.object();
        line.set("_aws", aws);
        line.put("Stage", stage).put(FAILED, 1);
        out.println(line);
    }
}
