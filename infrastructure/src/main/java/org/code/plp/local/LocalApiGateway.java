package org.code.plp.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.code.plp.http.Problem;
import org.code.plp.platform.Json;

/**
 * The template's REST API on 127.0.0.1, answering as API Gateway would: routes and path
 * parameters from the Api events, the proxy event a REST API builds, the Cognito authorizer on
 * staff routes (tokens from {@link LocalTokens}), the template's GatewayResponses and CORS preflight.
 * Besides the API it serves local routes added by {@link #route} ({@code /local/...}) and, for
 * other GET paths, the static site in {@code web/}.
 *
 * <p>Where API Gateway has no route it answers 403 {@code {"message":"Missing Authentication Token"}}
 * (or the template's MISSING_AUTHENTICATION_TOKEN gateway response);
 * so does this, for paths that are neither a route, a local route nor a file under web/.
 */
public final class LocalApiGateway implements AutoCloseable {
    public static final int DEFAULT_PORT = 3000;
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final String LOOPBACK = "127.0.0.1";
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("geojson", "application/geo+json"),
            Map.entry("topojson", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("webmanifest", "application/manifest+json"));

    private final TemplateModel template;
    private final LocalFunctions functions;
    private final LocalTokens tokens;
    private final Path webRoot;
    private final String stage;
    private final List<CompiledRoute> routes;
    private final Map<String, HttpHandler> localRoutes =
            new ConcurrentSkipListMap<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    private HttpServer server;
    private ExecutorService executor;

    public LocalApiGateway(TemplateModel template, LocalFunctions functions, LocalTokens tokens, Path webRoot) {
        this.template = template;
        this.functions = functions;
        this.tokens = tokens;
        this.webRoot = webRoot.toAbsolutePath().normalize();
        this.stage = template.parameters().getOrDefault("Stage", "local");
        this.routes = template.apiRoutes().stream().map(CompiledRoute::new)
                .sorted(Comparator.comparingInt(CompiledRoute::literalSegments).reversed())
                .toList();
    }

    /** Listens on 127.0.0.1:{@code port} (0 = a free port) and returns the bound port. */
    public int start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 64);
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread thread = new Thread(r, "local-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://" + LOOPBACK + ":" + server.getAddress().getPort());
    }

    /** Serves requests whose path starts with {@code pathPrefix}; longest prefix first. */
    public void route(String pathPrefix, HttpHandler handler) {
        localRoutes.put(pathPrefix, handler);
    }

    @Override
    public void close() {
        if (server != null && executor != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ dispatch

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            for (var local : localRoutes.entrySet()) {
                if (path.startsWith(local.getKey())) {
                    local.getValue().handle(exchange);
                    return;
                }
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            List<String> segments = segments(path);
            if (method.equals("OPTIONS") && template.cors().isPresent()
                    && routes.stream().anyMatch(r -> r.match(segments) != null)) {
                preflight(exchange, template.cors().get());
                return;
            }
            for (CompiledRoute route : routes) {
                if (route.accepts(method)) {
                    Map<String, String> parameters = route.match(segments);
                    if (parameters != null) {
                        invoke(exchange, route, parameters);
                        return;
                    }
                }
            }
            if ((method.equals("GET") || method.equals("HEAD")) && serveStatic(exchange, path)) {
                return;
            }
            gatewayResponse(exchange, "MISSING_AUTHENTICATION_TOKEN", 403, "Missing Authentication Token");
        } catch (RuntimeException | IOException e) {
            System.err.println("Local API gateway error on " + exchange.getRequestURI() + ": " + e);
            e.printStackTrace();
            try {
                sendJson(exchange, 500, Map.of("Content-Type", "application/json"), "{\"message\":\"Internal server error\"}");
            } catch (IOException | RuntimeException ignored) {
                // The response may already be under way.
            }
        }
    }

    private void preflight(HttpExchange exchange, TemplateModel.Cors cors) throws IOException {
        var headers = exchange.getResponseHeaders();
        if (cors.allowOrigin() != null) {
            headers.set("Access-Control-Allow-Origin", cors.allowOrigin());
        }
        if (cors.allowMethods() != null) {
            headers.set("Access-Control-Allow-Methods", cors.allowMethods());
        }
        if (cors.allowHeaders() != null) {
            headers.set("Access-Control-Allow-Headers", cors.allowHeaders());
        }
        if (cors.maxAge() != null) {
            headers.set("Access-Control-Max-Age", cors.maxAge());
        }
        headers.set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, -1);
    }

    private void invoke(HttpExchange exchange, CompiledRoute route, Map<String, String> pathParameters) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            gatewayResponse(exchange, "REQUEST_TOO_LARGE", 413, "Request Too Long");
            return;
        }
        Map<String, String> claims = null;
        if (route.route().staffOnly()) {
            Optional<Map<String, String>> verified = tokens.verify(exchange.getRequestHeaders().getFirst("Authorization"));
            if (verified.isEmpty()) {
                gatewayResponse(exchange, "UNAUTHORIZED", 401, "Unauthorized");
                return;
            }
            claims = verified.get();
        }
        String requestId = UUID.randomUUID().toString();
        APIGatewayProxyRequestEvent event = event(exchange, route, pathParameters, body, claims, requestId);
        APIGatewayProxyResponseEvent response;
        try {
            APIGatewayProxyResponseEvent result = functions.invokeApi(route.route().functionId(), event);
            if (result == null || result.getStatusCode() == null) {
                throw new IllegalStateException(route.route().functionId() + " returned " + result);
            }
            response = result;
        } catch (RuntimeException | Error failure) {
            System.err.println("Function " + route.route().functionId() + " failed on request " + requestId + ": " + failure);
            failure.printStackTrace();
            Exchanges.problem(exchange, new Problem(502, null, "Bad Gateway",
                    "The function failed; see the local cloud's log for request " + requestId + ".", List.of()));
            return;
        }
        send(exchange, response, requestId);
    }

    private APIGatewayProxyRequestEvent event(HttpExchange exchange, CompiledRoute route, Map<String, String> pathParameters,
                                              byte[] body, Map<String, String> claims, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String canonical = canonicalHeader(name);
            headers.put(canonical, values.getLast());
            multiHeaders.put(canonical, List.copyOf(values));
        });
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, List<String>> multiQuery = new LinkedHashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.put(name, value);
                multiQuery.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Instant now = Instant.now();

        var identity = new APIGatewayProxyRequestEvent.RequestIdentity()
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.get("User-Agent"));
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withAccountId("000000000000")
                .withApiId("local")
                .withResourceId("local")
                .withStage(stage)
                .withRequestId(requestId)
                .withExtendedRequestId(requestId)
                .withResourcePath(route.route().path())
                .withHttpMethod(method)
                .withPath("/" + stage + path)
                .withProtocol(exchange.getProtocol())
                .withRequestTime(REQUEST_TIME.format(now.atOffset(ZoneOffset.UTC)))
                .withRequestTimeEpoch(now.toEpochMilli())
                .withIdentity(identity);
        if (claims != null) {
            Map<String, Object> authorizer = new LinkedHashMap<>();
            authorizer.put("claims", claims);
            context.setAuthorizer(authorizer);
        }

        var event = new APIGatewayProxyRequestEvent()
                .withResource(route.route().path())
                .withPath(path)
                .withHttpMethod(method)
                .withHeaders(headers)
                .withMultiValueHeaders(multiHeaders)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context);
        if (body.length > 0) {
            if (!isBinary(headers.get("Content-Type")) && isUtf8(body)) {
                event.setBody(new String(body, StandardCharsets.UTF_8));
                event.setIsBase64Encoded(false);
            } else {
                event.setBody(Base64.getEncoder().encodeToString(body));
                event.setIsBase64Encoded(true);
            }
        } else {
            event.setIsBase64Encoded(false);
        }
        return event;
    }

    /**
     * API Gateway passes a body whose Content-Type is one of the API's BinaryMediaTypes base64-encoded,
     * byte for byte; others as text. Locally other non-text types (images, octet-stream) are base64 too,
     * and so is a body that is not UTF-8: decoding it would replace the bad bytes with U+FFFD, a repair
     * the function could not see, so it gets the bytes as they are and rejects them.
     */
    private boolean isBinary(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (String binary : template.binaryMediaTypes()) {
            if (binary.equals(type) || binary.equals("*/*")
                    || binary.endsWith("/*") && type.startsWith(binary.substring(0, binary.length() - 1))) {
                return true;
            }
        }
        return !isText(contentType);
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/javascript");
    }

    private void send(HttpExchange exchange, APIGatewayProxyResponseEvent response, String requestId) throws IOException {
        var out = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null) {
                    out.set(name, value);
                }
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null) {
                    out.put(name, new ArrayList<>(values));
                }
            });
        }
        out.set("X-Amzn-RequestId", requestId);
        byte[] body = response.getBody() == null ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        if (!out.containsKey("Content-Type") && body.length > 0) {
            out.set("Content-Type", "application/json");
        }
        Exchanges.send(exchange, response.getStatusCode(), body);
    }

    private void gatewayResponse(HttpExchange exchange, String type, int fallbackStatus, String fallbackMessage) throws IOException {
        Optional<TemplateModel.GatewayResponse> configured = template.gatewayResponse(type);
        if (configured.isPresent() && configured.get().body() != null) {
            TemplateModel.GatewayResponse response = configured.get();
            Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
            headers.putAll(response.headers());
            sendJson(exchange, response.status() == 0 ? fallbackStatus : response.status(), headers, response.body());
        } else {
            sendJson(exchange, fallbackStatus, Map.of("Content-Type", "application/json"),
                    Json.write(Map.of("message", fallbackMessage)));
        }
    }

    private static void sendJson(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        Exchanges.send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ static site

    private boolean serveStatic(HttpExchange exchange, String rawPath) throws IOException {
        String path = decode(rawPath);
        if (path.contains("\0")) {
            return false;
        }
        if (path.startsWith("/webjars/")) {
            return serveClasspath(exchange, "META-INF/resources" + path);
        }
        Path file = webRoot.resolve(path.substring(1)).normalize();
        if (!file.startsWith(webRoot)) {
            return false;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            return false;
        }
        exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        Exchanges.send(exchange, 200, Files.readAllBytes(file));
        return true;
    }

    private boolean serveClasspath(HttpExchange exchange, String resource) throws IOException {
        if (resource.contains("..")) {
            return false;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType(resource));
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=86400");
            Exchanges.send(exchange, 200, in.readAllBytes());
            return true;
        }
    }

    public static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    // ------------------------------------------------------------------ routing

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        return segments;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String canonicalHeader(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    /** A template route, split into literal and {@code {param}} / {@code {proxy+}} segments. */
    private record CompiledRoute(TemplateModel.ApiRoute route, List<String> parts) {
        CompiledRoute(TemplateModel.ApiRoute route) {
            this(route, segments(route.path()));
        }

        boolean accepts(String method) {
            // As API Gateway REST: HEAD is a method of its own, not implied by GET.
            return route.method().equals("ANY") || route.method().equals(method);
        }

        int literalSegments() {
            return (int) parts.stream().filter(p -> !p.startsWith("{")).count();
        }

        /** The path parameters when {@code path} matches, else null. */
        Map<String, String> match(List<String> path) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                if (part.startsWith("{") && part.endsWith("+}")) {
                    if (i >= path.size()) {
                        return null;
                    }
                    List<String> rest = path.subList(i, path.size()).stream().map(LocalApiGateway::decode).toList();
                    parameters.put(part.substring(1, part.length() - 2), String.join("/", rest));
                    return parameters;
                }
                if (i >= path.size()) {
                    return null;
                }
                if (part.startsWith("{") && part.endsWith("}")) {
                    parameters.put(part.substring(1, part.length() - 1), decode(path.get(i)));
                } else if (!part.equals(path.get(i))) {
                    return null;
                }
            }
            return parts.size() == path.size() ? parameters : null;
        }
    }
}
