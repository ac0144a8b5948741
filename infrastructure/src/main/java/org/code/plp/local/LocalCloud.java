package org.code.plp.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.local.schedule.LocalScheduler;
import org.code.plp.platform.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The whole system on this machine, from template.yaml: DynamoDB Local with the template's tables,
 * the seed regions, the API as API Gateway serves it, local tokens, the static site, and every
 * {@link LocalService} on the classpath (SES capture, stream poller, scheduler).
 * {@code main} is the README's run command; {@code TestCloud} starts one per test JVM.
 */
public final class LocalCloud implements LocalContext, AutoCloseable {
    private final Options options;
    private final TemplateModel template;
    private final LocalDynamo dynamo;
    private final Map<String, String> overrides = new ConcurrentHashMap<>();
    private final LocalFunctions functions;
    private final LocalTokens tokens;
    private final LocalApiGateway gateway;
    private final List<LocalService> services = new ArrayList<>();
    private final Map<String, String> announcements = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * How to start: {@code serverMode} runs DynamoDB Local on a loopback port (else in process);
     * {@code apiPort} 0 picks a free port; {@code env} is read for DYNAMODB_ENDPOINT, DYNAMODB_PORT,
     * SES_ENDPOINT and AWS_REGION.
     */
    public record Options(boolean serverMode, int apiPort, Map<String, String> env, Path root, boolean test) {
        public static Options forRun(Map<String, String> env) {
            String port = env.get("PORT");
            return new Options(true, port == null || port.isBlank() ? LocalApiGateway.DEFAULT_PORT : Integer.parseInt(port),
                    env, ProjectPaths.root(), false);
        }

        public static Options forTests(Map<String, String> env) {
            return new Options(false, 0, env, ProjectPaths.root(), true);
        }
    }

    /** Function settings a local run takes from its own environment over the template's (e.g. a shorter decision-email hold). */
    static final List<String> PASSED_THROUGH = List.of("SES_ENDPOINT", "DECISION_EMAIL_HOLD_MINUTES");

    private LocalCloud(Options options) {
        this.options = options;
        this.template = TemplateModel.read(options.root().resolve("template.yaml"));
        this.dynamo = LocalDynamo.fromEnv(options.env(), options.serverMode());
        overrides.put("AWS_REGION", options.env().getOrDefault("AWS_REGION", "us-east-1"));
        dynamo.endpoint().ifPresent(uri -> overrides.put("DYNAMODB_ENDPOINT", uri.toString()));
        for (String name : PASSED_THROUGH) {
            String value = options.env().get(name);
            if (value != null && !value.isBlank()) {
                overrides.put(name, value);
            }
        }
        this.functions = new LocalFunctions(template, dynamo.client(), overrides, Clock.systemUTC());
        this.tokens = new LocalTokens();
        this.gateway = new LocalApiGateway(template, functions, tokens, options.root().resolve("web"));
    }

    private void boot() throws IOException {
        LocalTables.createAll(dynamo.client(), template);
        SeedLoader.load(functions.sharedPlatform());
        gateway.route("/local/token", this::issueToken);
        gateway.start(options.apiPort());
        // Links in staff email point at this local cloud's console, not the production site.
        putEnv("SITE_URL", gateway.baseUri().toString());
        for (LocalService service : ServiceLoader.load(LocalService.class)) {
            try {
                service.start(this);
            } catch (Exception e) {
                throw new IllegalStateException("Local service " + service.name() + " failed to start: " + e, e);
            }
            services.add(service);
        }
    }

    /** Starts everything; on failure stops what had started and throws. */
    public static LocalCloud start(Options options) {
        LocalCloud cloud = new LocalCloud(options);
        try {
            cloud.boot();
            return cloud;
        } catch (IOException | RuntimeException e) {
            cloud.close();
            throw new IllegalStateException("The local cloud could not start: " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        LocalCloud cloud;
        try {
            cloud = start(Options.forRun(System.getenv()));
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() + " (PORT and DYNAMODB_PORT choose other ports)");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "local-cloud-stop"));
        if (Boolean.getBoolean("plp.exitWithParent")) {
            // Started by Maven's exec plugin: when Maven goes (killed, not only Ctrl-C), go too.
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
        System.out.println(cloud.banner((System.nanoTime() - started) / 1_000_000));
        Thread.currentThread().join();
    }

    /** What runs, then the addresses last, where a terminal leaves them in view. */
    String banner(long millis) {
        StringBuilder out = new StringBuilder();
        out.append("Routes:\n");
        template.apiRoutes().forEach(r -> out.append(String.format("  %-7s %-40s %s%s%n", r.method(), r.path(), r.functionId(),
                r.staffOnly() ? " (staff)" : "")));
        var schedules = LocalScheduler.plan(template, LocalScheduler.overrideFrom(options.env()));
        if (!schedules.isEmpty()) {
            out.append("Schedules (").append(LocalScheduler.OVERRIDE_ENV).append("=N runs each every N s):\n");
            schedules.forEach(plan -> out.append("  ").append(plan.describe()).append('\n'));
        }
        out.append("Local cloud up in ").append(millis).append(" ms (Ctrl-C stops it)\n");
        out.append(String.format("  %-16s %s%n", "DynamoDB", dynamo.endpoint().map(URI::toString).orElse("in process")));
        out.append(String.format("  %-16s %s%n", "Staff token", "POST " + baseUri() + "/local/token {\"email\",\"groups\":[\"reviewers\"]}"));
        out.append(String.format("  %-16s %s%n", "Email", overrides.getOrDefault("SES_ENDPOINT",
                "not captured yet (no SES_ENDPOINT and no local SES service)")));
        synchronized (announcements) {
            announcements.forEach((label, url) -> out.append(String.format("  %-16s %s%n", label, url)));
        }
        out.append(String.format("  %-16s %s%n", "API", baseUri()));
        out.append(String.format("  %-16s %s%n", "Web pages", baseUri() + "/  (map.html, apply.html, interest.html, admin.html)"));
        return out.toString();
    }

    private void issueToken(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
            Exchanges.problem(exchange, new Problem(405, null, "Method not allowed",
                    "POST a JSON body {\"email\", \"groups\": [...]}.", List.of()));
            return;
        }
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            request = null;
        }
        String email = request == null ? null : request.path("email").asText(null);
        if (email == null || email.isBlank()) {
            Exchanges.problem(exchange, new Problem(400, null, "Invalid request", "email: required",
                    List.of(new FieldError("email", "required"))));
            return;
        }
        List<String> groups = new ArrayList<>();
        request.path("groups").forEach(g -> groups.add(g.asText()));
        Exchanges.send(exchange, 200, ApiResponse.JSON, Json.write(Map.of("token", tokens.issue(email.strip(), groups))));
    }

    // ------------------------------------------------------------------ LocalContext

    @Override
    public TemplateModel template() {
        return template;
    }

    @Override
    public DynamoDbClient dynamo() {
        return dynamo.client();
    }

    @Override
    public DynamoDbStreamsClient dynamoStreams() {
        return dynamo.streams();
    }

    public LocalDynamo localDynamo() {
        return dynamo;
    }

    @Override
    public URI baseUri() {
        return gateway.baseUri();
    }

    @Override
    public Map<String, String> env() {
        return Collections.unmodifiableMap(overrides);
    }

    @Override
    public void putEnv(String name, String value) {
        overrides.put(name, value);
        functions.forgetInstances();
    }

    @Override
    public String defaultEnv(String name, String value) {
        String existing = overrides.get(name);
        if (existing != null && !existing.isBlank()) {
            return existing;
        }
        putEnv(name, value);
        return value;
    }

    @Override
    public void route(String pathPrefix, HttpHandler handler) {
        gateway.route(pathPrefix, handler);
    }

    @Override
    public LocalFunctions functions() {
        return functions;
    }

    @Override
    public void announce(String label, String url) {
        announcements.put(label, url);
    }

    @Override
    public boolean isTest() {
        return options.test();
    }

    public LocalTokens tokens() {
        return tokens;
    }

    @Override
    public void close() {
        for (LocalService service : services.reversed()) {
            try {
                service.stop();
            } catch (RuntimeException e) {
                System.err.println("Local service " + service.name() + " did not stop cleanly: " + e);
            }
        }
        gateway.close();
        dynamo.close();
    }
}
