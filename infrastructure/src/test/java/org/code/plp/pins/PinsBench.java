package org.code.plp.pins;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.local.LocalDynamo;
import org.code.plp.local.LocalTables;
import org.code.plp.local.ProjectPaths;
import org.code.plp.local.TemplateModel;
import org.code.plp.platform.Env;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;

/**
 * GET /pins handler time per request, warm from the in-memory cache and uncached (PINS_CACHE_SECONDS=0,
 * one Query of the byKind index per request against a DynamoDB Local server over loopback),
 * for 25 and 1,000 regions. Not a test: run with
 * {@code ./mvnw -q -pl infrastructure -am -Ppins-bench verify -DskipTests}; writes target/pins-bench.md.
 */
public final class PinsBench {
    private static final int WARM_RUNS = 5_000;
    private static final int UNCACHED_RUNS = 300;

    public static void main(String[] args) throws IOException {
        TemplateModel template = TemplateModel.read(ProjectPaths.template());
        List<String> rows = new ArrayList<>();
        try (LocalDynamo dynamo = LocalDynamo.server(freePort())) {
            LocalTables.createAll(dynamo.client(), template);
            Map<String, String> env = new LinkedHashMap<>(template.function("ListPinsFunction").env());
            env.put("AWS_REGION", "us-east-1");
            RegionRepository regions = new RegionRepository(platform(dynamo, env, "0"));
            int stored = 0;
            for (int count : new int[] {25, 1000}) {
                regions.replaceAll(sampleRegions(stored, count));
                stored = count;
                rows.add(row(count, "warm (in-memory cache)", measure(new ListPinsHandler(platform(dynamo, env, "3600")), WARM_RUNS)));
                rows.add(row(count, "uncached (Query on DynamoDB Local)", measure(new ListPinsHandler(platform(dynamo, env, "0")), UNCACHED_RUNS)));
            }
        }
        StringBuilder table = new StringBuilder();
        table.append("# GET /pins handler time per request\n\n");
        table.append("JDK ").append(Runtime.version()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs; DynamoDB Local server over loopback; handler invoked in process (no HTTP in front).\n\n");
        table.append("| regions | path | runs | p50 µs | p99 µs | body KiB |\n|---:|---|---:|---:|---:|---:|\n");
        rows.forEach(table::append);
        System.out.print(table);
        Path out = ProjectPaths.root().resolve("infrastructure/target/pins-bench.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        System.out.println("\nWritten to " + out);
    }

    private record Result(int runs, double p50, double p99, int bodyBytes) {
    }

    private static Result measure(ListPinsHandler handler, int runs) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/pins")
                .withResource("/pins");
        int bytes = 0;
        for (int i = 0; i < Math.max(50, runs / 5); i++) {
            var response = handler.handleRequest(event, null);
            bytes = check(response.getStatusCode(), response.getBody());
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            var response = handler.handleRequest(event, null);
            nanos[i] = System.nanoTime() - start;
            check(response.getStatusCode(), response.getBody());
        }
        Arrays.sort(nanos);
        return new Result(runs, nanos[runs / 2] / 1e3, nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e3, bytes);
    }

    private static int check(int status, String body) {
        if (status != 200) {
            throw new IllegalStateException("GET /pins answered " + status + ": " + body);
        }
        return body.length();
    }

    private static String row(int regions, String path, Result r) {
        return String.format("| %,d | %s | %,d | %,.1f | %,.1f | %.1f |%n", regions, path, r.runs(), r.p50(), r.p99(), r.bodyBytes() / 1024.0);
    }

    private static Platform platform(LocalDynamo dynamo, Map<String, String> base, String cacheSeconds) {
        Map<String, String> env = new LinkedHashMap<>(base);
        env.put(PinResponses.CACHE_SECONDS, cacheSeconds);
        return new Platform(new Env(env), dynamo.client(), () -> {
            throw new IllegalStateException("no mail in a benchmark");
        }, Clock.systemUTC());
    }

    private static List<RegionItem> sampleRegions(int from, int to) {
        List<RegionItem> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            RegionItem region = new RegionItem();
            region.setRegionId(String.format("bench-%04d", i));
            region.setName("Bench region " + i);
            region.setCity("City " + i);
            region.setState("KS");
            region.setLat(30 + (i % 180) / 10.0);
            region.setLng(-120 + (i % 500) / 10.0);
            region.setStatus(i % 10 == 9 ? RegionStatus.PARTNER_SELECTED : RegionStatus.SEEKING_PARTNER);
            region.setDistricts(10L + i % 40);
            region.setSchools(100L + i % 400);
            region.setTeachers(2000L + i);
            region.setStudents(40000L + 10L * i);
            region.setProgramsSought(List.of("csp", "csd"));
            region.setSummary("Code.org seeks a partner for computer science professional learning in region " + i + ".");
            region.setDescription("Sample data for the benchmark.");
            region.setUpdatedAt("2026-11-23T12:00:00Z");
            list.add(region);
        }
        return list;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
