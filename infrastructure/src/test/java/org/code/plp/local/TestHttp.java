package org.code.plp.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.code.plp.platform.Json;

/**
 * A small curl for tests: {@code http.post("/applications", json, "Idempotency-Key", "k-12345678")}.
 * Headers are name/value pairs. A String body is sent as is, any other object as JSON; the
 * Content-Type is application/json unless a Content-Type header is given.
 * With an {@link OpenApiContract} (TestCloud's client has web/openapi.json) every exchange with a
 * documented route is checked against the document, and a disagreement fails the test.
 */
public final class TestHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;
    private final OpenApiContract contract;

    public TestHttp(URI base) {
        this(base, null);
    }

    public TestHttp(URI base, OpenApiContract contract) {
        this.base = base;
        this.contract = contract;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    public Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Response put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Response options(String path, String... headers) {
        return send("OPTIONS", path, null, headers);
    }

    /** Any method; {@code body} null, a String, a byte[] or an object to send as JSON. */
    public Response send(String method, String path, Object body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("Headers are name/value pairs");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        String contentType = null;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                contentType = headers[i + 1];
            }
        }
        HttpRequest.BodyPublisher publisher;
        byte[] bytes = null;
        if (body == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else {
            bytes = switch (body) {
                case byte[] raw -> raw;
                case String text -> text.getBytes(StandardCharsets.UTF_8);
                default -> Json.write(body).getBytes(StandardCharsets.UTF_8);
            };
            publisher = HttpRequest.BodyPublishers.ofByteArray(bytes);
            if (contentType == null) {
                contentType = "application/json";
                request.header("Content-Type", contentType);
            }
        }
        request.method(method, publisher);
        try {
            HttpResponse<byte[]> sent = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response response = new Response(sent.statusCode(), sent.headers(), sent.body());
            if (contract != null) {
                List<String> disagreements = contract.check(method, path, contentType, bytes,
                        response.status(), response.contentType(), response.bytes());
                if (!disagreements.isEmpty()) {
                    throw new AssertionError(method + " " + path + " -> " + response.status()
                            + " disagrees with web/openapi.json (fix the document or the code):\n  "
                            + String.join("\n  ", disagreements) + "\nanswer: " + abbreviate(response.body()));
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }

    /** An answer: status, headers, body as bytes / text / JSON. */
    public record Response(int status, HttpHeaders headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return Json.read(body());
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> headerValues(String name) {
            return headers.allValues(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The problem's {@code errors[].field} values, for asserting which fields were named. */
        public List<String> errorFields() {
            return json().path("errors").findValuesAsText("field");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body();
        }
    }
}
