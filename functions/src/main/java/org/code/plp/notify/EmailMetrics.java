package org.code.plp.notify;

import java.io.PrintStream;
import org.code.plp.platform.Metrics;

/**
 * The EmailsFailed count ({@link Metrics}, embedded metric format) on a stream of its own, so a test
 * can read what would reach CloudWatch; the template alarms on it.
 */
final class EmailMetrics {
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
        out.println(Metrics.line(Metrics.EMAILS_FAILED, 1, stage, epochMillis));
    }
}
