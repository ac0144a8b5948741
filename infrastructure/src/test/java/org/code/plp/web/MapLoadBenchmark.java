package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import org.code.plp.local.TestCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test (off unless -Dplp.bench=true): how long map.html takes in the browser
 * from navigation start to the pins drawn (performance.now() in the frame after the markers are
 * added), against the local cloud. Each load is in a fresh browser (new profile, empty cache).
 * <pre>
 * ./mvnw -q -pl infrastructure -am verify -Dtest=MapLoadBenchmark -Dplp.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Prints the figures and writes them to infrastructure/target/screenshots/map-load.txt.
 */
@EnabledIfSystemProperty(named = "plp.bench", matches = "true")
class MapLoadBenchmark {
    private static final int LOADS = Integer.getInteger("plp.bench.loads", 7);

    @Test
    void mapLoad() throws Exception {
        Browser.assumeInstalled();
        String base = TestCloud.shared().baseUri().toString();
        TestCloud.shared().http().get("/pins"); // the API's first call (class loading) is not the page's cost
        long[] fresh = new long[LOADS];
        long[] repeat = new long[LOADS];
        long[] embedded = new long[LOADS];
        for (int i = 0; i < LOADS; i++) {
            try (Browser browser = Browser.start()) {
                browser.open(base + "/map.html");
                fresh[i] = WebPagesBrowserTest.waitForPins(browser);
                browser.open("about:blank");
                browser.open(base + "/map.html");
                repeat[i] = WebPagesBrowserTest.waitForPins(browser);
            }
            try (Browser browser = Browser.start()) {
                // Embedded as index.html embeds it: from the top page's navigation start to pins drawn in the frame.
                browser.open(base + "/index.html");
                double topOrigin = ((Number) browser.js("return performance.timeOrigin")).doubleValue();
                browser.driver().switchTo().frame("map-frame");
                long inFrame = WebPagesBrowserTest.waitForPins(browser);
                double frameOrigin = ((Number) browser.js("return performance.timeOrigin")).doubleValue();
                embedded[i] = Math.round(frameOrigin - topOrigin + inFrame);
            }
        }
        String report = "map.html, navigation start -> pins drawn, " + LOADS + " runs against " + base + "\n"
                + "  fresh browser: " + stats(fresh) + "\n"
                + "  second load:   " + stats(repeat) + "\n"
                + "  in index.html's 640 px iframe, fresh browser: " + stats(embedded) + "\n";
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("map-load.txt"), report);
        System.out.print(report);
        assertTrue(fresh[0] > 0);
    }

    private static String stats(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return "min " + sorted[0] + " ms, median " + sorted[sorted.length / 2] + " ms, max " + sorted[sorted.length - 1]
                + " ms " + Arrays.toString(values);
    }
}
