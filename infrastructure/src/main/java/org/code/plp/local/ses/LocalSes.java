package org.code.plp.local.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.code.plp.local.Exchanges;
import org.code.plp.platform.Json;

/**
 * A local SESv2 endpoint: answers the real SESv2 client's SendEmail
 * ({@code POST /v2/email/outbound-emails}, Simple or Raw content) and keeps what it was sent.
 * It listens on its own loopback port so it can also refuse connections, like an SES outage.
 */
public final class LocalSes {
    static final String SEND_PATH = "/v2/email/outbound-emails";
    private static final int KEEP = 2000;

    /** How the endpoint behaves: normally, answering 500, refusing connections, or rejecting the message. */
    public enum Fault {
        OFF("off"), FAIL_500("500"), REFUSE("refuse"), REJECT("reject");

        private final String mode;

        Fault(String mode) {
            this.mode = mode;
        }

        /** The name {@code POST /local/mail/fault} takes and shows. */
        public String mode() {
            return mode;
        }

        public static Fault parse(String mode) {
            String wanted = mode == null || mode.isEmpty() ? OFF.mode : mode.toLowerCase(Locale.ROOT);
            for (Fault fault : values()) {
                if (fault.mode.equals(wanted)) {
                    return fault;
                }
            }
            throw new IllegalArgumentException("mode must be off, 500, refuse or reject");
        }
    }

    private final ConcurrentLinkedDeque<CapturedMail> mail = new ConcurrentLinkedDeque<>();
    private final Clock clock;
    private volatile Fault fault = Fault.OFF;
    private HttpServer server;
    private ExecutorService executor;
    private int port;

    public LocalSes(Clock clock) {
        this.clock = clock;
    }

    /** Listens on 127.0.0.1:{@code port} (0: a free port). */
    public synchronized void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.port = server.getAddress().getPort();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-ses");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Switches the fault; REFUSE closes the port, any other mode opens it again (same port). */
    public synchronized void fault(Fault next) throws IOException {
        fault = next;
        if (next == Fault.REFUSE) {
            stop();
        } else if (server == null) {
            start(port);
        }
    }

    public Fault fault() {
        return fault;
    }

    /** Everything accepted so far, oldest first. */
    public List<CapturedMail> mail() {
        return new ArrayList<>(mail);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !SEND_PATH.equals(exchange.getRequestURI().getPath())) {
                error(exchange, 404, "NotFoundException", "The local SES endpoint only implements SendEmail.");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            switch (fault) {
                case FAIL_500 -> error(exchange, 500, "InternalFailure", "Local SES fault: 500");
                case REJECT -> error(exchange, 400, "MessageRejected", "Local SES fault: message rejected");
                default -> accept(exchange, body);
            }
        }
    }

    private void accept(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            error(exchange, 400, "BadRequestException", "The body is not JSON.");
            return;
        }
        CapturedMail captured;
        try {
            captured = capture(request);
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "BadRequestException", e.getMessage());
            return;
        }
        mail.addLast(captured);
        while (mail.size() > KEEP) {
            mail.pollFirst();
        }
        respond(exchange, 200, Json.write(java.util.Map.of("MessageId", captured.messageId())), List.of());
    }

    private CapturedMail capture(JsonNode request) {
        JsonNode content = request.path("Content");
        String messageId = "local-" + UUID.randomUUID();
        String sentAt = clock.instant().toString();
        String configurationSet = request.path("ConfigurationSetName").asText(null);
        if (content.has("Simple")) {
            JsonNode simple = content.get("Simple");
            String to = joined(request.path("Destination").path("ToAddresses"));
            String from = request.path("FromEmailAddress").asText(null);
            if (to.isEmpty() || from == null) {
                throw new IllegalArgumentException("FromEmailAddress and Destination.ToAddresses are required.");
            }
            return new CapturedMail(to, from, joined(request.path("ReplyToAddresses")),
                    simple.path("Subject").path("Data").asText(""),
                    simple.path("Body").path("Text").path("Data").asText(null),
                    simple.path("Body").path("Html").path("Data").asText(null), sentAt, messageId, configurationSet);
        }
        if (content.has("Raw")) {
            MimeMessages.Parsed raw = MimeMessages.parse(Base64.getDecoder().decode(content.get("Raw").path("Data").asText("")));
            String to = joined(request.path("Destination").path("ToAddresses"));
            String from = request.path("FromEmailAddress").asText(raw.header("From"));
            return new CapturedMail(to.isEmpty() ? raw.header("To") : to, from, raw.header("Reply-To"),
                    raw.header("Subject"), raw.text(), raw.html(), sentAt, messageId, configurationSet);
        }
        throw new IllegalArgumentException("Content must be Simple or Raw (templates are not supported locally).");
    }

    private static String joined(JsonNode addresses) {
        List<String> out = new ArrayList<>();
        addresses.forEach(a -> out.add(a.asText()));
        return String.join(", ", out);
    }

    // SESv2 is rest-json: the SDK reads the error code from x-amzn-ErrorType.
    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        respond(exchange, status, Json.write(java.util.Map.of("message", message)), List.of("x-amzn-ErrorType", code));
    }

    private static void respond(HttpExchange exchange, int status, String json, List<String> headers) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            exchange.getResponseHeaders().set(headers.get(i), headers.get(i + 1));
        }
        Exchanges.send(exchange, status, "application/json", json);
    }
}
