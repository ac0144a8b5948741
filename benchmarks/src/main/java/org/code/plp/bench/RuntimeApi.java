package org.code.plp.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Lambda's Runtime API (2018-06-01) on a loopback port, for one invocation at a time: the runtime
 * interface client in the child JVM asks for the next event, gets the sample event, and posts its
 * answer (or an error) back. The answer's arrival is the end of a cold start. A second
 * {@code /next} waits until the run is over, as Lambda freezes an idle runtime.
 */
final class RuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime/";

    /** One invocation: the event sent and when each step of it reached this server. */
    static final class Invocation {
        final String requestId;
        final byte[] event;
        final CompletableFuture<String> answer = new CompletableFuture<>();
        final CountDownLatch over = new CountDownLatch(1);
        volatile long nextAt;
        volatile long restoreAt;
        volatile long answeredAt;

        Invocation(String requestId, String event) {
            this.requestId = requestId;
            this.event = event.getBytes(StandardCharsets.UTF_8);
        }

        void end() {
            answer.completeExceptionally(new IllegalStateException("the runtime stopped without answering"));
            over.countDown();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "runtime-api");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Invocation current;

    RuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads);
        server.createContext(BASE, this::handle);
        server.start();
    }

    /** host:port, as Lambda puts it in AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    Invocation expect(String requestId, String event) {
        Invocation invocation = new Invocation(requestId, event);
        current = invocation;
        return invocation;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Invocation invocation = current;
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        try (exchange) {
            if (invocation == null) {
                send(exchange, 500, new byte[0]);
            } else if (path.equals("invocation/next")) {
                next(exchange, invocation);
            } else if (path.equals("restore/next")) {
                invocation.restoreAt = System.nanoTime();
                send(exchange, 200, new byte[0]);
            } else if (path.equals("invocation/" + invocation.requestId + "/response")) {
                invocation.answeredAt = System.nanoTime();
                send(exchange, 202, new byte[0]);
                invocation.answer.complete(new String(body, StandardCharsets.UTF_8));
            } else if (path.endsWith("/error")) {
                send(exchange, 202, new byte[0]);
                invocation.answer.completeExceptionally(new IllegalStateException(
                        "runtime reported " + path + " " + exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")
                                + ": " + new String(body, StandardCharsets.UTF_8)));
            } else {
                send(exchange, 404, new byte[0]);
            }
        }
    }

    private static void next(HttpExchange exchange, Invocation invocation) throws IOException {
        if (invocation.nextAt != 0) {
            // The one event was handled: the runtime idles here until the harness ends the JVM.
            try {
                invocation.over.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 500, new byte[0]);
            return;
        }
        invocation.nextAt = System.nanoTime();
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 15_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:bench");
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        send(exchange, 200, invocation.event);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        Invocation invocation = current;
        if (invocation != null) {
            invocation.end();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
