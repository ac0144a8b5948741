/**
 * What the hand-written JSON log and EMF helpers add to a cold start once Jackson is loaded (every handler
 * loads it at init): time and classes of the first Log.info, Metrics.count and Log.error lines.
 *   java -XX:TieredStopAtLevel=1 -cp functions/target/plp-functions-lambda.zip scripts/LogCost.java
 */
import java.lang.management.ManagementFactory;
import java.util.Map;

public class LogCost {
    public static void main(String[] args) throws Exception {
        var classes = ManagementFactory.getClassLoadingMXBean();
        var out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        long t0 = System.nanoTime(); int c0 = classes.getLoadedClassCount();
        org.code.plp.platform.Json.write(Map.of("warm", 1));   // what every handler already does at init
        long t1 = System.nanoTime(); int c1 = classes.getLoadedClassCount();
        org.code.plp.platform.Log.info("request", "route", "GET /pins", "status", 200, "latencyMs", 3, "requestId", "r");
        org.code.plp.platform.Metrics.count("ApplicationsSubmitted");
        org.code.plp.platform.Log.error("unhandled", new RuntimeException("x"), "requestId", "r");
        long t2 = System.nanoTime(); int c2 = classes.getLoadedClassCount();
        System.setOut(out);
        System.out.printf("jackson first write: %.1f ms, %d classes; first Log+Metrics+error lines after it: %.1f ms, %d classes%n",
                (t1 - t0) / 1e6, c1 - c0, (t2 - t1) / 1e6, c2 - c1);
    }
}
