package org.code.plp.bench.driver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warm handler time: one handler built by its no-arg constructor (production wiring), answering the
 * sample event again and again. Per request: thread CPU time, minus the CPU time inside SDK calls
 * ({@link SdkCpuInterceptor}); wall time too. A repeated Idempotency-Key is made unique per request
 * so submissions keep taking the write path. Args: handler class, event class, event file, warm-up, n.
 */
public final class WarmDriver {
    private WarmDriver() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        String json = Files.readString(Path.of(args[2]));
        int warmup = Integer.parseInt(args[3]);
        int n = Integer.parseInt(args[4]);
        var handler = (RequestHandler<Object, Object>) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpuExcl = new long[n];
        long[] cpu = new long[n];
        long[] wall = new long[n];
        long sdkCalls = 0;
        Map<String, Integer> statuses = new TreeMap<>();
        for (int i = -warmup; i < n; i++) {
            Object event = Events.readLikeLambda(args[1], json);
            if (event instanceof APIGatewayProxyRequestEvent api && api.getHeaders() != null
                    && api.getHeaders().containsKey("Idempotency-Key")) {
                var headers = new LinkedHashMap<>(api.getHeaders());
                headers.put("Idempotency-Key", "bench-" + ProcessHandle.current().pid() + "-" + (i + warmup));
                api.setHeaders(headers);
            }
            SdkCpuInterceptor.takeTotals();
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            Object response = handler.handleRequest(event, new BenchContext("warm-" + i));
            long w1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            long[] sdk = SdkCpuInterceptor.takeTotals();
            if (i < 0) {
                continue;
            }
            cpu[i] = c1 - c0;
            cpuExcl[i] = cpu[i] - sdk[0];
            wall[i] = w1 - w0;
            sdkCalls += sdk[2];
            String status = response instanceof APIGatewayProxyResponseEvent r && r.getStatusCode() != null
                    ? r.getStatusCode().toString() : "answered";
            statuses.merge(status, 1, Integer::sum);
        }
        System.out.println("WARM cpuExclSdk.p50=" + micros(cpuExcl, 50) + " cpuExclSdk.p99=" + micros(cpuExcl, 99)
                + " cpu.p50=" + micros(cpu, 50) + " cpu.p99=" + micros(cpu, 99)
                + " wall.p50=" + micros(wall, 50) + " wall.p99=" + micros(wall, 99)
                + " sdkCallsPerRequest=" + String.format("%.2f", sdkCalls / (double) n)
                + " statuses=" + statuses.toString().replace(" ", ""));
    }

    private static String micros(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return String.format("%.1f", sorted[Math.max(0, index)] / 1000.0);
    }
}
