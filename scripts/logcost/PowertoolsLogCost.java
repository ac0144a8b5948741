/**
 * The other side of scripts/LogCost.java: what Powertools for AWS Lambda (Java) 2.x logging (SLF4J over log4j2's
 * JsonTemplateLayout, its Lambda template) and metrics (EMF) add to a cold start once Jackson is loaded: time and
 * classes of the same first info line, metric and error line. Run from the repository root:
 *   (cd scripts/logcost && ../../mvnw -q dependency:build-classpath -Dmdep.outputFile=cp.txt)
 *   java -XX:TieredStopAtLevel=1 -cp "functions/target/plp-functions-lambda.zip:scripts/logcost:$(cat scripts/logcost/cp.txt)" \
 *       scripts/logcost/PowertoolsLogCost.java
 */
import java.lang.management.ManagementFactory;
import java.util.Map;

public class PowertoolsLogCost {
    public static void main(String[] args) throws Exception {
        var classes = ManagementFactory.getClassLoadingMXBean();
        var out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        long t0 = System.nanoTime(); int c0 = classes.getLoadedClassCount();
        org.code.plp.platform.Json.write(Map.of("warm", 1));   // what every handler already does at init
        long t1 = System.nanoTime(); int c1 = classes.getLoadedClassCount();
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("request");
        log.info("request route={} status={} latencyMs={} requestId={}", "GET /pins", 200, 3, "r");
        var metrics = software.amazon.lambda.powertools.metrics.MetricsFactory.getMetricsInstance();
        metrics.setNamespace("PLP");
        metrics.addMetric("ApplicationsSubmitted", 1, software.amazon.lambda.powertools.metrics.model.MetricUnit.COUNT);
        metrics.flush();
        log.error("unhandled requestId={}", "r", new RuntimeException("x"));
        long t2 = System.nanoTime(); int c2 = classes.getLoadedClassCount();
        System.setOut(out);
        System.out.printf("jackson first write: %.1f ms, %d classes; first Powertools log+metric+error lines after it: %.1f ms, %d classes%n",
                (t1 - t0) / 1e6, c1 - c0, (t2 - t1) / 1e6, c2 - c1);
    }
}
