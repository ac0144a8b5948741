import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The one measurement of LogCost and PowertoolsLogCost, so that the two compare like with like: with System.out
 * silenced, the time and classes of Jackson's first write (what every handler already does at init), then of the
 * given first lines after it. Not run by itself: the source launcher compiles it from this folder.
 */
final class FirstUse {
    private FirstUse() {
    }

    static void measure(String lines, Runnable firstLines) {
        var classes = ManagementFactory.getClassLoadingMXBean();
        var out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        long t0 = System.nanoTime(); int c0 = classes.getLoadedClassCount();
        org.code.plp.platform.Json.write(Map.of("warm", 1));
        long t1 = System.nanoTime(); int c1 = classes.getLoadedClassCount();
        firstLines.run();
        long t2 = System.nanoTime(); int c2 = classes.getLoadedClassCount();
        System.setOut(out);
        System.out.printf("jackson first write: %.1f ms, %d classes; first %s after it: %.1f ms, %d classes%n",
                (t1 - t0) / 1e6, c1 - c0, lines, (t2 - t1) / 1e6, c2 - c1);
    }
}
