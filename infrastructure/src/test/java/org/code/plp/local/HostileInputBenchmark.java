package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test (off unless -Dplp.bench=true): a hostile-input run over HTTP against the
 * local cloud. Every generated request is invalid by construction (a valid form with one field made
 * hostile, garbage or not-UTF-8 bodies, parser-limit bodies, hostile queries, paths and keys; and
 * {@link HostileRoutes}' requests at the staff review routes and the applicant's own routes), so the
 * figures are: answers by status (5xx must be 0), items in every table before and after (must be
 * equal: nothing stored) and throughput.
 * <pre>
 * ./mvnw -q -pl infrastructure -am verify -Dtest=HostileInputBenchmark -Dplp.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -Dplp.bench.requests=10000}, {@code -Dplp.bench.threads=4}); writes {@code target/bench/hostile-run.md}.
 */
@EnabledIfSystemProperty(named = "plp.bench", matches = "true")
class HostileInputBenchmark {
    private static final int REQUESTS = Integer.getInteger("plp.bench.requests", 10_000);
    private static final int THREADS = Integer.getInteger("plp.bench.threads", 4);
    private static final String[] TABLES = {"ApplicationsTable", "ApplicationLogTable", "InterestTable", "CountersTable",
        "IdempotencyTable", "OutboxTable", "RegionsTable", "DraftsTable"};

    private final TestCloud cloud = TestCloud.shared();
    private final TestHttp http = new TestHttp(cloud.baseUri());

    private HostileRoutes routes;

    @Test
    void hostileRun() throws Exception {
        routes = HostileRoutes.prepare(cloud);
        Map<String, Long> before = counts();
        Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
        Map<String, AtomicLong> fiveXx = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                Random random = new Random(1_000L + thread);
                for (int i = thread; i < REQUESTS; i += THREADS) {
                    HostileRoutes.Request request = hostile(random);
                    TestHttp.Response response = http.send(request.method(), request.path(), request.body(), request.headers());
                    byStatus.computeIfAbsent(Integer.toString(response.status()), k -> new AtomicLong()).incrementAndGet();
                    if (response.status() >= 500) {
                        fiveXx.computeIfAbsent(request.kind() + " -> " + response.status(), k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Map<String, Long> after = counts();

        long errors = fiveXx.values().stream().mapToLong(AtomicLong::get).sum();
        StringBuilder report = new StringBuilder()
                .append("# Hostile-input run\n\n")
                .append(String.format(Locale.ROOT, "%,d requests, %d threads, %.1f s, %.0f requests/s%n%n", REQUESTS, THREADS, seconds, REQUESTS / seconds))
                .append("answers by status: ").append(new TreeMap<>(byStatus)).append('\n')
                .append("5xx: ").append(errors).append(' ').append(new TreeMap<>(fiveXx)).append('\n')
                .append("items before: ").append(before).append('\n')
                .append("items after:  ").append(after).append('\n');
        System.out.print(report);
        Path out = Path.of("target", "bench", "hostile-run.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertEquals(0, errors, report.toString());
        assertEquals(before, after, "nothing stored");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, (long) cloud.dynamo().scan(s -> s.tableName(cloud.table(table)).select("COUNT").consistentRead(true)).count());
        }
        return counts;
    }

    private static final String[] HOSTILE_TEXT = {
        "\u00A0\u00A0\u00A0", "\u3000", "Ada\u202Eecalevol", "A\u200Bda", "\uFEFF", "Ada\uFDD0", "Ada\uFFFE", "Ada\u0000",
        "Ada\u001B[31m", "Ada\nBcc: x@example.org", "\u2028", "x".repeat(5_001), "Ada\uFFFD",
    };

    private HostileRoutes.Request hostile(Random random) {
        return switch (random.nextInt(12)) {
            case 0, 1 -> mutatedForm(random, "/applications", IntakeFixtures.application("new-orleans-la"));
            case 2, 3 -> mutatedForm(random, "/interest", IntakeFixtures.interest("Hostile City"));
            case 4 -> new HostileRoutes.Request("garbage", "POST", random.nextBoolean() ? "/applications" : "/interest", garbage(random));
            case 5 -> new HostileRoutes.Request("limits", "POST", random.nextBoolean() ? "/applications" : "/interest", limit(random));
            case 6 -> new HostileRoutes.Request("lookup", "GET", "/regions/lookup?" + hostileQuery(random), null);
            case 7 -> new HostileRoutes.Request("pins", "GET", pinsPath(random), null);
            case 8, 9, 10 -> routes.next(random);
            default -> new HostileRoutes.Request("headers", "POST", "/interest", IntakeFixtures.interest("Hostile"),
                    "Idempotency-Key", random.nextBoolean() ? "short" : "bad key " + random.nextInt(),
                    "Content-Type", random.nextBoolean() ? "application/json" : "text/plain");
        };
    }

    /** A valid form with one field made invalid (so nothing may be stored). */
    private HostileRoutes.Request mutatedForm(Random random, String path, ObjectNode form) {
        List<Consumer<ObjectNode>> mutations = List.of(
                f -> f.put("email", HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)] + "@example.org"),
                f -> textField(f, path).put(textName(path), HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)]),
                f -> f.putArray("zip").add(1),
                f -> f.put("unknown" + random.nextInt(5), true),
                f -> f.put(path.equals("/interest") ? "zip" : "regionId", path.equals("/interest") ? "02108" : "no-such-region"),
                f -> f.putObject("role").putObject("deeper").put("x", 1),
                f -> f.put("agreedToTerms", path.equals("/interest") ? "maybe" : "false"));
        ObjectNode copy = form.deepCopy();
        if (path.equals("/interest") && random.nextInt(3) == 0) {
            copy.put("state", "CA"); // 59601 is in MT
        } else {
            mutations.get(random.nextInt(mutations.size())).accept(copy);
        }
        if (path.equals("/applications") && copy.equals(form)) {
            copy.put("unknown", 1);
        }
        return new HostileRoutes.Request("form " + path, "POST", path, copy, "Idempotency-Key", TestCloud.uniqueId("hostile"));
    }

    private static ObjectNode textField(ObjectNode form, String path) {
        return path.equals("/interest") ? form : (ObjectNode) form.get("organization");
    }

    private static String textName(String path) {
        return path.equals("/interest") ? "role" : "name";
    }

    private static byte[] garbage(Random random) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        if (random.nextBoolean() && bytes.length > 2) {
            bytes[0] = '{';
            bytes[bytes.length - 1] = '}';
        }
        return bytes;
    }

    private static String limit(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "{\"email\":" + "[".repeat(1_000 + random.nextInt(2_000)) + "]".repeat(10) + "}";
            case 1 -> "{\"zip\":" + "9".repeat(1_001 + random.nextInt(500)) + "}";
            case 2 -> "{\"notes\":\"" + "n".repeat(40_000) + "\"}";
            case 3 -> "{\"a\":1,\"a\":2}";
            default -> "{\"email\":\"\\ud800\",\"zip\":\"59601\",\"role\":\"teacher\"}";
        };
    }

    private static String hostileQuery(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "zip=" + "9".repeat(random.nextInt(20));
            case 1 -> "city=%E2%80%AE" + "x".repeat(random.nextInt(200)) + "&state=TN";
            case 2 -> "state=ZZ";
            case 3 -> "zip=%00%FF";
            case 4 -> "city=" + "c".repeat(500) + "&state=LA";
            default -> "";
        };
    }

    private static String pinsPath(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "/pins/..%2F..%2Fetc%2Fpasswd";
            case 1 -> "/pins?status=" + new String(new byte[] {'%', '2', '7'}, StandardCharsets.US_ASCII);
            case 2 -> "/pins/" + "x".repeat(300);
            default -> "/pins?state=%E2%80%AE";
        };
    }
}
