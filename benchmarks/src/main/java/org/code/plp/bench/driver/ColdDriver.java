package org.code.plp.bench.driver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, as the Lambda runtime does it: read the event, load and construct the handler
 * (its init), answer the first event. The harness times this JVM from spawn to the RESPONSE line.
 * Args: handler class (or {@value #FLOOR}), event class, event file.
 */
public final class ColdDriver {
    public static final String FLOOR = "floor";

    private ColdDriver() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String json = Files.readString(Path.of(args[2]));
        Object event = Events.readLikeLambda(args[1], json);
        long t1 = System.nanoTime();
        RequestHandler<Object, Object> handler = FLOOR.equals(args[0])
                ? new FloorHandler()
                : (RequestHandler<Object, Object>) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long t2 = System.nanoTime();
        Object response = handler.handleRequest(event, new BenchContext("cold-1"));
        long t3 = System.nanoTime();
        String text = RuntimeJackson.write(response);
        // Phases in microseconds: event read, handler init (class load + constructor), first request.
        System.out.println("RESPONSE event=" + (t1 - t0) / 1000 + " init=" + (t2 - t1) / 1000 + " invoke=" + (t3 - t2) / 1000
                + " " + text.substring(0, Math.min(300, text.length())).replace('\n', ' '));
        System.out.flush();
        // After the timed line: the process's CPU time (all threads), steadier than wall time on a busy machine.
        System.out.println("CPU " + ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L));
    }
}
