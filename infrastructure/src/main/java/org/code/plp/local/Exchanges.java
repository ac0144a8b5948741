package org.code.plp.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.Problem;

/** Answers on the JDK's HttpServer, for the local cloud's own endpoints (gateway, tokens, mail, SES). */
public final class Exchanges {
    private Exchanges() {
    }

    /** Sends {@code status} and {@code body} (none for HEAD, 204, 304 or an empty body); headers set before are kept. */
    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || status == 204 || status == 304 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The problem as the functions answer it ({@link ApiResponse#problem}). */
    public static void problem(HttpExchange exchange, Problem problem) throws IOException {
        send(exchange, problem.status(), ApiResponse.PROBLEM_JSON, ApiResponse.problem(problem).body());
    }
}
