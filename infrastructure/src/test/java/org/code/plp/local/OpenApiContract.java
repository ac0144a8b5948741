package org.code.plp.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.code.plp.platform.Json;

/**
 * web/openapi.json as a test oracle: finds the operation of an HTTP exchange and checks the
 * exchange against it (status declared, media type declared, JSON bodies valid against their
 * schemas with networknt's JSON Schema 2020-12 validator, which OpenAPI 3.1 schemas are).
 * A request body is checked only when the API accepted it (2xx): tests send bad bodies on purpose.
 */
public final class OpenApiContract {
    public static final Path DOCUMENT = ProjectPaths.web().resolve("openapi.json");
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static OpenApiContract site;

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** The site's document, read once per test JVM. */
    public static synchronized OpenApiContract site() {
        if (site == null) {
            site = new OpenApiContract(read(DOCUMENT));
        }
        return site;
    }

    public static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** One operation of the document: where it is (a JSON pointer) and its node. */
    public record Operation(String method, String pathTemplate, String pointer, JsonNode node) {
        public String name() {
            return method.toUpperCase(Locale.ROOT) + " " + pathTemplate;
        }

        public boolean localOnly() {
            return node.path("x-local-only").asBoolean(false);
        }

        public boolean staff() {
            for (JsonNode requirement : node.path("security")) {
                if (requirement.has("staffCognito")) {
                    return true;
                }
            }
            return false;
        }
    }

    public List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    all.add(new Operation(method, path.getKey(), "/paths/" + escape(path.getKey()) + "/" + method, op));
                }
            }
        });
        return all;
    }

    /** The operation serving {@code method path} (query ignored); a literal path wins over a template. */
    public Optional<Operation> find(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Operation templated = null;
        for (Operation op : operations()) {
            if (!op.method().equalsIgnoreCase(method)) {
                continue;
            }
            if (op.pathTemplate().equals(bare)) {
                return Optional.of(op);
            }
            if (templated == null && matches(op.pathTemplate(), bare)) {
                templated = op;
            }
        }
        return Optional.ofNullable(templated);
    }

    private static boolean matches(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            boolean parameter = t[i].startsWith("{") && t[i].endsWith("}");
            if (parameter ? p[i].isEmpty() : !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * What in the exchange disagrees with the document (empty when it all agrees, or when no
     * operation serves the path: static files and deliberately unknown routes).
     */
    public List<String> check(String method, String path, String requestContentType, byte[] requestBody,
                              int status, String responseContentType, byte[] responseBody) {
        Optional<Operation> found = find(method, path);
        if (found.isEmpty()) {
            return List.of();
        }
        Operation op = found.get();
        List<String> problems = new ArrayList<>();
        JsonNode responses = op.node().path("responses");
        String statusKey = Integer.toString(status);
        JsonNode response = responses.has(statusKey) ? responses.get(statusKey) : responses.get("default");
        String responsePointer = op.pointer() + "/responses/" + (responses.has(statusKey) ? statusKey : "default");
        if (response == null) {
            problems.add("status " + status + " is not among its responses " + fieldNames(responses)
                    + ": add \"" + statusKey + "\" to " + op.name() + "'s responses in web/openapi.json");
        } else {
            if (response.has("$ref")) {
                responsePointer = response.get("$ref").asText().substring(1);
                response = document.at(responsePointer);
            }
            problems.addAll(checkBody("answer", response.path("content"), responsePointer + "/content",
                    responseContentType, responseBody));
        }
        if (status >= 200 && status < 300 && requestBody != null && requestBody.length > 0) {
            JsonNode content = op.node().path("requestBody").path("content");
            if (content.isMissingNode()) {
                problems.add("a request body was accepted but the operation has no requestBody");
            } else {
                problems.addAll(checkBody("accepted request", content, op.pointer() + "/requestBody/content",
                        requestContentType, requestBody));
            }
        }
        return problems.stream().map(p -> op.name() + ": " + p).toList();
    }

    private List<String> checkBody(String what, JsonNode content, String contentPointer, String contentType, byte[] body) {
        boolean empty = body == null || body.length == 0;
        if (content.isMissingNode() || content.isEmpty()) {
            return empty ? List.of() : List.of(what + " has a body but the document declares none");
        }
        String media = mediaType(contentType);
        if (!content.has(media)) {
            return List.of(what + " is " + (media.isEmpty() ? "without a Content-Type" : media)
                    + ", the document declares " + fieldNames(content));
        }
        if (!media.contains("json")) {
            return List.of();
        }
        String pointer = contentPointer + "/" + escape(media) + "/schema";
        JsonNode instance;
        try {
            instance = Json.MAPPER.readTree(empty ? new byte[0] : body);
        } catch (IOException e) {
            return List.of(what + " is not JSON: " + e.getMessage());
        }
        if (instance == null || instance.isMissingNode()) {
            return List.of(what + " is empty but declared " + media);
        }
        List<Error> errors = schema(pointer).validate(instance);
        return errors.stream().map(e -> what + " " + e.getInstanceLocation() + ": " + e.getMessage()
                + " (schema #" + pointer + ")").toList();
    }

    /** The schema at a pointer of the document, with its $refs resolved against the whole document. */
    public Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            if (document.at(p).isMissingNode()) {
                throw new IllegalArgumentException("No schema at #" + p);
            }
            ObjectNode root = document.deepCopy();
            root.put("$schema", DIALECT);
            root.put("$ref", "#" + p);
            return registry.getSchema(Json.write(root));
        });
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
