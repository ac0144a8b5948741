/**
 * What the hand-written JSON log and EMF helpers add to a cold start once Jackson is loaded (every handler
 * loads it at init): time and classes of the first Log.info, Metrics.count and Log.error lines (see FirstUse).
 *   java -XX:TieredStopAtLevel=1 -cp functions/target/plp-functions-lambda.zip scripts/logcost/LogCost.java
 */
public class LogCost {
    public static void main(String[] args) {
        FirstUse.measure("Log+Metrics+error lines", () -> {
            org.code.plp.platform.Log.info("request", "route", "GET /pins", "status", 200, "latencyMs", 3, "requestId", "r");
            org.code.plp.platform.Metrics.count("ApplicationsSubmitted");
            org.code.plp.platform.Log.error("unhandled", new RuntimeException("x"), "requestId", "r");
        });
    }
}
