/**
 * The other side of LogCost.java: what Powertools for AWS Lambda (Java) 2.x logging (SLF4J over log4j2's
 * JsonTemplateLayout, its Lambda template) and metrics (EMF) add to a cold start once Jackson is loaded: time and
 * classes of the same first info line, metric and error line, measured the same way (FirstUse). Run from the
 * repository root:
 *   (cd scripts/logcost && ../../mvnw -q dependency:build-classpath -Dmdep.outputFile=cp.txt)
 *   AWS_LAMBDA_FUNCTION_NAME=x java -XX:TieredStopAtLevel=1 \
 *       -cp "scripts/logcost:$(cat scripts/logcost/cp.txt):functions/target/plp-functions-lambda.zip" \
 *       scripts/logcost/PowertoolsLogCost.java
 */
public class PowertoolsLogCost {
    public static void main(String[] args) {
        FirstUse.measure("Powertools log+metric+error lines", () -> {
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("request");
            log.info("request route={} status={} latencyMs={} requestId={}", "GET /pins", 200, 3, "r");
            var metrics = software.amazon.lambda.powertools.metrics.MetricsFactory.getMetricsInstance();
            metrics.setNamespace("PLP");
            metrics.addMetric("ApplicationsSubmitted", 1, software.amazon.lambda.powertools.metrics.model.MetricUnit.COUNT);
            metrics.flush();
            log.error("unhandled requestId={}", "r", new RuntimeException("x"));
        });
    }
}
