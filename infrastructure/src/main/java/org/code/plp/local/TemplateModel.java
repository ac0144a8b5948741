package org.code.plp.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local cloud needs to know from template.yaml: tables (keys, GSIs, streams), functions
 * (handler, environment), and the events that trigger them (API routes, DynamoDB streams,
 * schedules), with the API's CORS and gateway responses. Intrinsics are resolved for a local run:
 * {@code !Ref Table} is the local table name, {@code !Ref Param} the parameter's default, conditions
 * from those defaults, and a resource's {@code DomainName} is {@code localhost}.
 */
public final class TemplateModel {
    public static final String AUTHORIZER_PATH_PREFIX = "/admin";

    private final Map<String, Object> root;
    private final Map<String, Object> resources;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, Boolean> conditions = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, String> globalEnv = new LinkedHashMap<>();
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final List<ApiRoute> routes = new ArrayList<>();
    private final List<StreamEvent> streamEvents = new ArrayList<>();
    private final List<ScheduleEvent> scheduleEvents = new ArrayList<>();
    private Cors cors;
    private final Map<String, GatewayResponse> gatewayResponses = new LinkedHashMap<>();
    private final List<String> binaryMediaTypes = new ArrayList<>();

    public record KeyElement(String attribute, String keyType) {
        public boolean isHash() {
            return "HASH".equals(keyType);
        }
    }

    public record Index(String name, List<KeyElement> keySchema, String projectionType, List<String> nonKeyAttributes) {
    }

    /** A table; {@code streamViewType} is null when it has no stream. */
    public record Table(String logicalId, String name, List<KeyElement> keySchema, Map<String, String> attributeTypes,
                        List<Index> globalIndexes, String streamViewType, String ttlAttribute) {
        public Optional<Index> index(String indexName) {
            return globalIndexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
        }
    }

    /** A function: {@code handler} is {@code class::method} as in the template; {@code env} fully resolved. */
    public record Function(String logicalId, String handler, Map<String, String> env) {
        public String handlerClass() {
            int split = handler.indexOf("::");
            return split < 0 ? handler : handler.substring(0, split);
        }

        public String handlerMethod() {
            int split = handler.indexOf("::");
            return split < 0 ? "handleRequest" : handler.substring(split + 2);
        }
    }

    /** An Api event. {@code staffOnly}: the route sits behind the Cognito authorizer. */
    public record ApiRoute(String functionId, String eventId, String path, String method, boolean staffOnly) {
    }

    /** A DynamoDB stream event; {@code properties} as written (BatchSize, StartingPosition, ...), resolved. */
    public record StreamEvent(String functionId, String eventId, String tableLogicalId, Map<String, Object> properties) {
        public int batchSize() {
            Object size = properties.get("BatchSize");
            return size == null ? 100 : Integer.parseInt(String.valueOf(size));
        }

        public boolean reportsBatchItemFailures() {
            return properties.get("FunctionResponseTypes") instanceof List<?> types && types.contains("ReportBatchItemFailures");
        }
    }

    /** A Schedule / ScheduleV2 event: {@code expression} like {@code rate(5 minutes)} or {@code cron(...)}. */
    public record ScheduleEvent(String functionId, String eventId, String expression, Map<String, Object> properties) {
    }

    /** The API's CORS settings, unquoted ({@code "'GET,POST'"} in SAM becomes {@code GET,POST}). */
    public record Cors(String allowOrigin, String allowMethods, String allowHeaders, String maxAge) {
    }

    /** A GatewayResponses entry: what API Gateway answers itself for e.g. UNAUTHORIZED. */
    public record GatewayResponse(int status, Map<String, String> headers, String body) {
    }

    private TemplateModel(Map<String, Object> root) {
        this.root = root;
        this.resources = map(root.get("Resources"));
        readParameters();
        readConditions();
        resources.forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if ("AWS::DynamoDB::Table".equals(resource.get("Type"))) {
                tables.put(id, readTable(id, map(resource.get("Properties"))));
            }
        });
        map(map(map(map(root.get("Globals")).get("Function")).get("Environment")).get("Variables"))
                .forEach((name, value) -> globalEnv.put(name, resolveText(value)));
        resources.forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                readFunction(id, map(resource.get("Properties")));
            }
        });
        resources.forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if ("AWS::Serverless::Api".equals(resource.get("Type"))) {
                readApi(map(resource.get("Properties")));
            }
        });
    }

    public static TemplateModel read(Path template) {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return new TemplateModel(CloudFormationYaml.read(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TemplateModel read(Reader reader) {
        return new TemplateModel(CloudFormationYaml.read(reader));
    }

    /** template.yaml of the repository (see {@link ProjectPaths}). */
    public static TemplateModel load() {
        return read(ProjectPaths.template());
    }

    // ------------------------------------------------------------------ accessors

    public Map<String, Object> raw() {
        return root;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public List<Table> tables() {
        return List.copyOf(tables.values());
    }

    public Table table(String logicalId) {
        return Optional.ofNullable(tables.get(logicalId))
                .orElseThrow(() -> new IllegalArgumentException("No table " + logicalId + " in the template"));
    }

    /** The table with this local name (the name functions get through their environment). */
    public Optional<Table> tableNamed(String name) {
        return tables.values().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public List<Function> functions() {
        return List.copyOf(functions.values());
    }

    public Function function(String logicalId) {
        return Optional.ofNullable(functions.get(logicalId))
                .orElseThrow(() -> new IllegalArgumentException("No function " + logicalId + " in the template"));
    }

    public List<ApiRoute> apiRoutes() {
        return List.copyOf(routes);
    }

    public List<StreamEvent> streamEvents() {
        return List.copyOf(streamEvents);
    }

    public List<ScheduleEvent> scheduleEvents() {
        return List.copyOf(scheduleEvents);
    }

    public Optional<Cors> cors() {
        return Optional.ofNullable(cors);
    }

    /** The API's BinaryMediaTypes ({@code ~1} read as {@code /}), lower case: bodies API Gateway passes base64-encoded. */
    public List<String> binaryMediaTypes() {
        return List.copyOf(binaryMediaTypes);
    }

    public Optional<GatewayResponse> gatewayResponse(String type) {
        return Optional.ofNullable(gatewayResponses.get(type));
    }

    /** The environment every function shares (Globals), resolved. */
    public Map<String, String> globalEnv() {
        return Collections.unmodifiableMap(globalEnv);
    }

    /** The local name of a table: its TableName when it has one, else its logical id. */
    public String tableName(String logicalId) {
        return table(logicalId).name();
    }

    // ------------------------------------------------------------------ reading

    private void readParameters() {
        map(root.get("Parameters")).forEach((name, value) -> {
            Object fallback = map(value).get("Default");
            parameters.put(name, fallback == null ? "" : String.valueOf(fallback));
        });
    }

    private void readConditions() {
        map(root.get("Conditions")).forEach((name, value) -> conditions.put(name, truth(value)));
    }

    private Table readTable(String id, Map<String, Object> properties) {
        Object declaredName = properties.get("TableName");
        String name = declaredName == null ? id : resolveText(declaredName);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object definition : list(properties.get("AttributeDefinitions"))) {
            Map<String, Object> d = map(definition);
            attributes.put(resolveText(d.get("AttributeName")), resolveText(d.get("AttributeType")));
        }
        List<Index> indexes = new ArrayList<>();
        for (Object index : list(properties.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> i = map(index);
            Map<String, Object> projection = map(i.get("Projection"));
            List<String> nonKey = list(projection.get("NonKeyAttributes")).stream().map(this::resolveText).toList();
            indexes.add(new Index(resolveText(i.get("IndexName")), keySchema(i.get("KeySchema")),
                    projection.isEmpty() ? "ALL" : resolveText(projection.get("ProjectionType")), nonKey));
        }
        Map<String, Object> stream = map(properties.get("StreamSpecification"));
        String viewType = stream.isEmpty() ? null : resolveText(stream.get("StreamViewType"));
        Map<String, Object> ttl = map(properties.get("TimeToLiveSpecification"));
        String ttlAttribute = ttl.isEmpty() || !Boolean.parseBoolean(String.valueOf(resolve(ttl.get("Enabled"))))
                ? null : resolveText(ttl.get("AttributeName"));
        return new Table(id, name, keySchema(properties.get("KeySchema")), attributes, List.copyOf(indexes), viewType, ttlAttribute);
    }

    private List<KeyElement> keySchema(Object raw) {
        List<KeyElement> keys = new ArrayList<>();
        for (Object key : list(raw)) {
            Map<String, Object> k = map(key);
            keys.add(new KeyElement(resolveText(k.get("AttributeName")), resolveText(k.get("KeyType"))));
        }
        return List.copyOf(keys);
    }

    private void readFunction(String id, Map<String, Object> properties) {
        Map<String, String> env = new LinkedHashMap<>(globalEnv);
        map(map(properties.get("Environment")).get("Variables")).forEach((name, value) -> env.put(name, resolveText(value)));
        String handler = resolveText(properties.get("Handler"));
        functions.put(id, new Function(id, handler, Collections.unmodifiableMap(env)));

        map(properties.get("Events")).forEach((eventId, raw) -> {
            Map<String, Object> event = map(raw);
            String type = String.valueOf(event.get("Type"));
            Map<String, Object> eventProperties = map(event.get("Properties"));
            switch (type) {
                case "Api" -> {
                    String path = resolveText(eventProperties.get("Path"));
                    String method = resolveText(eventProperties.get("Method")).toUpperCase(Locale.ROOT);
                    boolean staff = path.equals(AUTHORIZER_PATH_PREFIX) || path.startsWith(AUTHORIZER_PATH_PREFIX + "/")
                            || hasAuthorizer(map(eventProperties.get("Auth")));
                    routes.add(new ApiRoute(id, eventId, path, method, staff));
                }
                case "DynamoDB" -> {
                    Object arn = eventProperties.get("Stream");
                    streamEvents.add(new StreamEvent(id, eventId, streamTable(arn), resolvedMap(eventProperties)));
                }
                case "Schedule", "ScheduleV2" -> scheduleEvents.add(new ScheduleEvent(id, eventId,
                        resolveText(eventProperties.get("Schedule") != null ? eventProperties.get("Schedule")
                                : eventProperties.get("ScheduleExpression")), resolvedMap(eventProperties)));
                default -> {
                    // Other event sources have no local counterpart yet.
                }
            }
        });
    }

    private static boolean hasAuthorizer(Map<String, Object> auth) {
        Object authorizer = auth.get("Authorizer");
        return authorizer != null && !"NONE".equals(String.valueOf(authorizer));
    }

    /** {@code !GetAtt OutboxTable.StreamArn} -> OutboxTable. */
    private String streamTable(Object arn) {
        Map<String, Object> getAtt = map(arn);
        if (getAtt.get("Fn::GetAtt") instanceof List<?> parts && !parts.isEmpty()) {
            return String.valueOf(parts.getFirst());
        }
        String text = resolveText(arn);
        return tables.values().stream().filter(t -> text.contains(t.name())).map(Table::logicalId).findFirst().orElse(text);
    }

    private void readApi(Map<String, Object> properties) {
        if (resolve(properties.get("BinaryMediaTypes")) instanceof List<?> types) {
            types.forEach(type -> binaryMediaTypes.add(resolveText(type).replace("~1", "/").toLowerCase(Locale.ROOT)));
        }
        Map<String, Object> c = map(properties.get("Cors"));
        if (!c.isEmpty()) {
            cors = new Cors(unquote(resolveText(c.get("AllowOrigin"))), unquote(resolveText(c.get("AllowMethods"))),
                    unquote(resolveText(c.get("AllowHeaders"))), unquote(resolveText(c.get("MaxAge"))));
        } else if (properties.get("Cors") != null) {
            cors = new Cors(unquote(resolveText(properties.get("Cors"))), "*", "*", null);
        }
        map(properties.get("GatewayResponses")).forEach((type, raw) -> {
            Map<String, Object> response = map(raw);
            Map<String, String> headers = new LinkedHashMap<>();
            map(map(response.get("ResponseParameters")).get("Headers"))
                    .forEach((name, value) -> headers.put(name, unquote(resolveText(value))));
            Map<String, Object> templates = map(response.get("ResponseTemplates"));
            Object body = templates.getOrDefault("application/json", templates.values().stream().findFirst().orElse(null));
            Object status = resolve(response.get("StatusCode"));
            gatewayResponses.put(type, new GatewayResponse(status == null ? 0 : Integer.parseInt(String.valueOf(status)),
                    headers, body == null ? null : resolveText(body)));
        });
    }

    private static String unquote(String text) {
        if (text != null && text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    // ------------------------------------------------------------------ intrinsics, locally

    /** Resolves intrinsics in a value for a local run (see the class comment). */
    public Object resolve(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(this::resolve).toList();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            return value;
        }
        Map<String, Object> m = map(raw);
        if (m.size() == 1) {
            var entry = m.entrySet().iterator().next();
            String key = entry.getKey();
            Object arg = entry.getValue();
            switch (key) {
                case "Ref":
                    return ref(String.valueOf(arg));
                case "Fn::GetAtt":
                    List<Object> parts = arg instanceof List<?> l ? List.copyOf(l) : List.<Object>of((Object[]) String.valueOf(arg).split("\\.", 2));
                    return getAtt(String.valueOf(parts.get(0)), String.valueOf(resolve(parts.get(1))));
                case "Fn::Sub":
                    return sub(arg);
                case "Fn::Join": {
                    List<Object> join = list(arg);
                    return String.join(String.valueOf(join.get(0)),
                            list(resolve(join.get(1))).stream().map(String::valueOf).toList());
                }
                case "Fn::Select": {
                    List<Object> select = list(arg);
                    return list(resolve(select.get(1))).get(Integer.parseInt(String.valueOf(resolve(select.get(0)))));
                }
                case "Fn::Split": {
                    List<Object> split = list(arg);
                    return List.of(String.valueOf(resolve(split.get(1))).split(Pattern.quote(String.valueOf(split.get(0))), -1));
                }
                case "Fn::If": {
                    List<Object> branches = list(arg);
                    return resolve(Boolean.TRUE.equals(conditions.get(String.valueOf(branches.get(0))))
                            ? branches.get(1) : branches.get(2));
                }
                case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition":
                    return truth(m);
                case "Fn::Base64":
                    return java.util.Base64.getEncoder().encodeToString(
                            String.valueOf(resolve(arg)).getBytes(StandardCharsets.UTF_8));
                case "Fn::FindInMap": {
                    List<Object> path = list(arg);
                    Object found = map(root.get("Mappings"));
                    for (Object step : path) {
                        found = map(found).get(String.valueOf(resolve(step)));
                    }
                    return resolve(found);
                }
                case "Fn::GetAZs":
                    return List.of("us-east-1a", "us-east-1b");
                case "Fn::ImportValue":
                    return "local-import-" + resolve(arg);
                default:
                    break;
            }
        }
        return resolvedMap(m);
    }

    public String resolveText(Object value) {
        Object resolved = resolve(value);
        return resolved == null ? null : String.valueOf(resolved);
    }

    private Map<String, Object> resolvedMap(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, resolve(v)));
        return out;
    }

    private boolean truth(Object value) {
        Map<String, Object> m = map(value);
        if (m.size() != 1) {
            return Boolean.parseBoolean(String.valueOf(resolve(value)));
        }
        var entry = m.entrySet().iterator().next();
        List<Object> args = entry.getValue() instanceof List<?> l ? List.copyOf(l) : List.of(entry.getValue());
        return switch (entry.getKey()) {
            case "Fn::Equals" -> Objects.equals(String.valueOf(resolve(args.get(0))), String.valueOf(resolve(args.get(1))));
            case "Fn::Not" -> !truth(args.getFirst());
            case "Fn::And" -> args.stream().allMatch(this::truth);
            case "Fn::Or" -> args.stream().anyMatch(this::truth);
            case "Condition" -> Boolean.TRUE.equals(conditions.get(String.valueOf(entry.getValue())));
            default -> Boolean.parseBoolean(String.valueOf(resolve(value)));
        };
    }

    private String ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (tables.containsKey(name)) {
            return tables.get(name).name();
        }
        return switch (name) {
            case "AWS::Region" -> "us-east-1";
            case "AWS::AccountId" -> "000000000000";
            case "AWS::StackName" -> "plp-local";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::NoValue" -> null;
            default -> {
                // Resources not yet read (tables are read first) or with no local counterpart: their logical id.
                Map<String, Object> resource = map(resources.get(name));
                if ("AWS::DynamoDB::Table".equals(resource.get("Type"))) {
                    Object declared = map(resource.get("Properties")).get("TableName");
                    yield declared == null ? name : resolveText(declared);
                }
                yield name;
            }
        };
    }

    private String getAtt(String resource, String attribute) {
        if (tables.containsKey(resource)) {
            String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + tables.get(resource).name();
            return attribute.equals("StreamArn") ? arn + "/stream/local" : arn;
        }
        if (attribute.equals("DomainName")) {
            // A distribution's (or a bucket's) host name, e.g. the site's origin when SiteDomain is empty.
            return "localhost";
        }
        return "arn:aws:local:us-east-1:000000000000:" + resource + "/" + attribute;
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private String sub(Object arg) {
        String text;
        Map<String, Object> variables = Map.of();
        if (arg instanceof List<?> l) {
            text = String.valueOf(l.get(0));
            variables = map(l.get(1));
        } else {
            text = String.valueOf(arg);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (variables.containsKey(name)) {
                replacement = resolveText(variables.get(name));
            } else if (name.contains(".")) {
                int dot = name.indexOf('.');
                replacement = getAtt(name.substring(0, dot), name.substring(dot + 1));
            } else {
                replacement = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
        }
        matcher.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
