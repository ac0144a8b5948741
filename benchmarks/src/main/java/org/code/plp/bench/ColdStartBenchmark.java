package org.code.plp.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.code.plp.applications.SubmitApplicationHandler;
import org.code.plp.bench.floor.StreamHandlerFloor;
import org.code.plp.local.LocalDynamo;
import org.code.plp.local.LocalTables;
import org.code.plp.local.ProjectPaths;
import org.code.plp.local.SeedLoader;
import org.code.plp.local.TemplateModel;
import org.code.plp.platform.Env;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;

/**
 * Cold start, warm handler time, GET /pins from the warm cache and the deployable jar's size, for
 * every function of template.yaml, against DynamoDB Local in server mode on a loopback port.
 * Writes benchmarks/target/bench/cold-start.md and prints it. Run by the {@code bench} profile.
 */
public final class ColdStartBenchmark {
    static final long JAR_BUDGET_BYTES = 15L * 1024 * 1024;
    static final double COLD_RATIO_BUDGET = 1.9;
    static final double AOT_RATIO_BUDGET = 1.5;
    static final double WARM_P99_BUDGET_MS = 1.0;
    static final double PINS_CACHE_BUDGET_MS = 0.2;

    private final Path root = ProjectPaths.root();
    private final Path out = root.resolve("benchmarks/target/bench");
    private final Path jar = root.resolve("functions/target/plp-functions-lambda.zip");
    private final Path taskRoot = out.resolve("task");
    private final Path driverClasses = out.resolve("driver.jar");
    private final Path warmInterceptors = out.resolve("warm-interceptors");
    private final int pairs = Integer.getInteger("bench.pairs", 5);
    private final String cpus = System.getProperty("bench.cpus", "0").trim();
    private final boolean countClasses = Boolean.parseBoolean(System.getProperty("bench.classes", "true"));
    private final boolean warmRuns = Boolean.parseBoolean(System.getProperty("bench.warm", "true"));
    private final int snapStartRuns = Integer.getInteger("bench.snapstart", 3);
    private final boolean aot = Boolean.parseBoolean(System.getProperty("bench.aot", "false"));
    private final String baselineCheckout = System.getProperty("bench.baseline", "").trim();
    private final Path jarTaskRoot = out.resolve("task-jars");
    private final String only = System.getProperty("bench.only", "");
    private final int warmup = Integer.getInteger("bench.warm.warmup", 1500);
    private final int requests = Integer.getInteger("bench.warm.requests", 1000);
    private final List<String> extraFlags = Optional.ofNullable(System.getProperty("bench.jvmFlags"))
            .filter(f -> !f.isBlank()).map(f -> List.of(f.trim().split("\\s+"))).orElse(List.of());
    private final List<Path> runtimeClasspath = RuntimeClasspath.jars();
    private final ChildJvm jvm;

    private ColdStartBenchmark() throws IOException {
        Files.createDirectories(out.resolve("events"));
        // Warm runs only: the SDK picks up global interceptors listed in this classpath file.
        Path interceptors = warmInterceptors.resolve("software/amazon/awssdk/global/handlers/execution.interceptors");
        Files.createDirectories(interceptors.getParent());
        Files.writeString(interceptors, "org.code.plp.bench.driver.SdkCpuInterceptor\n");
        Path classes = root.resolve("benchmarks/target/classes");
        TaskRoot.jar(classes, "org/code/plp/bench/driver/", driverClasses);
        TaskRoot.unpack(jar, classes, "org/code/plp/bench/floor/", taskRoot);
        if (aot) {
            TaskRoot.asJars(jar, classes, "org/code/plp/bench/floor/", jarTaskRoot);
        }
        this.jvm = new ChildJvm(out, cpus);
    }

    public static void main(String[] args) throws Exception {
        new ColdStartBenchmark().run();
    }

    record Subject(TemplateModel.Function function, String eventType, Path event) {
        String name() {
            return shortName(function);
        }

        /** The floor handler of the same event type. */
        String floor() {
            return Floors.forEvent(eventType);
        }
    }

    /** The logical id without "Function", as events/ and bench.only name functions. */
    static String shortName(TemplateModel.Function function) {
        return function.logicalId().replaceFirst("Function$", "");
    }

    /**
     * A SnapStart init as the runtime runs it (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start: handler built, priming
     * hooks run, then restore/next) and the first request after it, medians, with the JVM's default tiers (what
     * the java25 runtime uses with SnapStart) and with C1 only (the template's former JAVA_TOOL_OPTIONS).
     */
    record SnapStart(double initMs, double firstRequestMs, double c1InitMs, double c1FirstRequestMs) {
    }

    /** The JVMs of one round, in the order they run. */
    enum Role { FUNCTION, BEFORE, FLOOR, STREAM_FLOOR, FUNCTION_AOT, FLOOR_AOT }

    /** One JVM of a round: where the code lies, the handler, the flags, the environment and the event. */
    record Launch(Path taskRoot, String handler, List<String> flags, Map<String, String> env, String event) {
        LambdaJvm.Result run(LambdaJvm lambda) {
            return lambda.run(taskRoot, handler, env, flags, event);
        }
    }

    /** Medians of one launch over the rounds; the classes one extra run of it loaded; its answer. */
    record Medians(double coldMs, double initMs, double cpuMs, String classes, String answer) {
    }

    /** One function's medians per role, and the sizes of its AOT caches when measured with them. */
    record Cold(Map<Role, Medians> medians, long cacheBytes, long floorCacheBytes) {
        Medians of(Role role) {
            return medians.get(role);
        }

        boolean has(Role role) {
            return medians.containsKey(role);
        }

        double ratio(Role role, Role floor) {
            return of(role).coldMs() / of(floor).coldMs();
        }

        double cpuRatio(Role role, Role floor) {
            return of(role).cpuMs() / of(floor).cpuMs();
        }
    }

    private void run() throws Exception {
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        int cores = Runtime.getRuntime().availableProcessors();
        String harnessCpus = Affinity.keepOffCpus(cpus);
        TemplateModel template = TemplateModel.read(root.resolve("template.yaml"));
        int port = freePort();
        try (LocalDynamo dynamo = LocalDynamo.server(port); RuntimeApi api = new RuntimeApi()) {
            LocalTables.createAll(dynamo.client(), template);
            Map<String, String> common = commonEnv(port);
            Platform platform = new Platform(new Env(merge(template.globalEnv(), common)), dynamo.client(),
                    () -> null, Clock.systemUTC());
            SeedLoader.load(platform);
            String applicationId = seedApplication(platform);

            List<Subject> subjects = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (TemplateModel.Function function : template.functions()) {
                Optional<Path> event = sampleEvent(root.resolve("events"), shortName(function), applicationId, out.resolve("events"));
                if (event.isEmpty()) {
                    skipped.add(function.logicalId() + " (no sample event)");
                    continue;
                }
                if (only.isBlank() || List.of(only.split(",")).contains(shortName(function))) {
                    subjects.add(new Subject(function, eventType(function.handlerClass()), event.get()));
                }
            }

            LambdaJvm lambda = new LambdaJvm(runtimeClasspath, RuntimeClasspath.jniLibrary(out.resolve("runtime")), api, cpus, out);
            LambdaRuntime runtime = LambdaRuntime.of(template);
            Optional<AotCaches> caches = aot ? Optional.of(new AotCaches(lambda, jarTaskRoot, out.resolve("aot"))) : Optional.empty();
            Optional<Baseline> baseline = Baseline.at(baselineCheckout, out.resolve("task-baseline"));
            Map<String, Cold> cold = new LinkedHashMap<>();
            Map<String, SnapStart> snapStart = new LinkedHashMap<>();
            for (Subject subject : subjects) {
                Map<String, String> env = lambdaEnv(subject.function(), common, runtime);
                List<String> flags = new ArrayList<>(lambda.runtimeFlags(runtime.memoryMb(), false));
                flags.addAll(extraFlags);
                Optional<Launch> before = baseline.isEmpty() ? Optional.empty()
                        : before(baseline.get(), subject, common, flags, applicationId);
                cold.put(subject.name(), print(subject, cold(lambda, subject, env, flags, before, caches)));
                if (snapStartRuns > 0 && runtime.snapStart()) {
                    snapStart.put(subject.name(), snapStart(lambda, runtime, subject, env));
                    System.out.println("snapstart " + subject.name() + " " + snapStart.get(subject.name()));
                }
            }
            Map<String, Map<String, String>> warm = new LinkedHashMap<>();
            if (warmRuns) {
                for (Subject subject : subjects) {
                    warm.put(subject.name(), warm(subject, merge(subject.function().env(), common)));
                    System.out.println("warm " + subject.name() + " " + warm.get(subject.name()));
                }
            }
            String report = report(started, cores, harnessCpus, runtime, subjects, skipped, cold, baseline, snapStart, warm);
            Files.writeString(out.resolve("cold-start.md"), report);
            System.out.println();
            System.out.println(report);
        }
    }

    // ------------------------------------------------------------------ measurements

    /** The function, the floors and whichever of its baseline and AOT runs are on, in turn over the rounds. */
    private Cold cold(LambdaJvm lambda, Subject subject, Map<String, String> env, List<String> flags, Optional<Launch> before,
                      Optional<AotCaches> caches) throws IOException {
        String event = Files.readString(subject.event());
        Map<Role, Launch> launches = new EnumMap<>(Role.class);
        launches.put(Role.FUNCTION, new Launch(taskRoot, subject.function().handler(), flags, env, event));
        before.ifPresent(launch -> launches.put(Role.BEFORE, launch));
        launches.put(Role.FLOOR, new Launch(taskRoot, subject.floor() + "::handleRequest", flags, env, event));
        launches.put(Role.STREAM_FLOOR, new Launch(taskRoot, StreamHandlerFloor.class.getName(), flags, env, event));
        long cacheBytes = 0;
        long floorCacheBytes = 0;
        if (caches.isPresent()) {
            Launch function = caches.get().withCache(subject.name(), launches.get(Role.FUNCTION));
            Launch floor = caches.get().withCache(subject.floor().replaceFirst(".*\\.", ""), launches.get(Role.FLOOR));
            launches.put(Role.FUNCTION_AOT, function);
            launches.put(Role.FLOOR_AOT, floor);
            cacheBytes = caches.get().bytes(function);
            floorCacheBytes = caches.get().bytes(floor);
        }
        // One untimed round first (file cache), then each launch in turn.
        for (Launch launch : launches.values()) {
            launch.run(lambda);
        }
        Map<Role, double[][]> figures = new EnumMap<>(Role.class);
        Map<Role, String> answers = new EnumMap<>(Role.class);
        launches.keySet().forEach(role -> figures.put(role, new double[3][pairs]));
        for (int i = 0; i < pairs; i++) {
            for (Map.Entry<Role, Launch> launch : launches.entrySet()) {
                LambdaJvm.Result result = launch.getValue().run(lambda);
                double[][] f = figures.get(launch.getKey());
                f[0][i] = result.coldMs();
                f[1][i] = result.initMs();
                f[2][i] = result.cpuMs();
                answers.put(launch.getKey(), result.answer());
            }
        }
        Map<Role, Medians> medians = new EnumMap<>(Role.class);
        for (Map.Entry<Role, Launch> launch : launches.entrySet()) {
            double[][] f = figures.get(launch.getKey());
            String classes = launch.getKey() == Role.STREAM_FLOOR ? "-" : classesLoaded(lambda, launch.getValue());
            medians.put(launch.getKey(), new Medians(median(f[0]), median(f[1]), median(f[2]), classes,
                    status(answers.get(launch.getKey()))));
        }
        return new Cold(medians, cacheBytes, floorCacheBytes);
    }

    /** The baseline's function of the same logical id, with its own package, environment and sample event. */
    private Optional<Launch> before(Baseline baseline, Subject subject, Map<String, String> common, List<String> flags,
                                    String applicationId) throws IOException {
        Optional<TemplateModel.Function> function = baseline.function(subject.function().logicalId());
        if (function.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> event = sampleEvent(baseline.sampleEvents(), subject.name(), applicationId, out.resolve("events-baseline"));
        if (event.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Launch(baseline.taskRoot(), function.get().handler(), flags,
                lambdaEnv(function.get(), common, baseline.runtime()), ownIdempotencyKey(Files.readString(event.get()))));
    }

    /**
     * The event with its Idempotency-Key made the baseline's own, so that neither code replays (or trips over) an
     * idempotency record the other stored in its format.
     */
    static String ownIdempotencyKey(String event) {
        Matcher key = Pattern.compile("\"Idempotency-Key\"\\s*:\\s*\"([^\"]+)\"").matcher(event);
        return key.find() ? event.replace("\"" + key.group(1) + "\"", "\"" + key.group(1) + "-baseline\"") : event;
    }

    private SnapStart snapStart(LambdaJvm lambda, LambdaRuntime runtime, Subject subject, Map<String, String> onDemandEnv)
            throws IOException {
        String event = Files.readString(subject.event());
        Map<String, String> env = new LinkedHashMap<>(onDemandEnv);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        List<String> tiers = new ArrayList<>(lambda.runtimeFlags(runtime.memoryMb(), true));
        tiers.addAll(extraFlags);
        List<String> c1 = new ArrayList<>(tiers);
        c1.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        double[][] figures = new double[4][snapStartRuns];
        for (int i = 0; i < snapStartRuns; i++) {
            LambdaJvm.Result result = lambda.run(taskRoot, subject.function().handler(), env, tiers, event);
            figures[0][i] = result.restoreMs();
            figures[1][i] = result.coldMs() - result.restoreMs();
            result = lambda.run(taskRoot, subject.function().handler(), env, c1, event);
            figures[2][i] = result.restoreMs();
            figures[3][i] = result.coldMs() - result.restoreMs();
        }
        return new SnapStart(median(figures[0]), median(figures[1]), median(figures[2]), median(figures[3]));
    }

    /** Classes loaded by one cold start, and how many of them did not come from a CDS archive or AOT cache. */
    private String classesLoaded(LambdaJvm lambda, Launch launch) {
        if (!countClasses) {
            return "-";
        }
        try {
            Path log = Files.createTempFile(out, "classes", ".log");
            List<String> flags = new ArrayList<>(launch.flags());
            flags.add("-Xlog:class+load=info:file=" + log);
            new Launch(launch.taskRoot(), launch.handler(), flags, launch.env(), launch.event()).run(lambda);
            List<String> lines = Files.readAllLines(log).stream().filter(l -> l.contains("source:")).toList();
            long notShared = lines.stream().filter(l -> !l.contains("shared objects file")).count();
            Files.delete(log);
            return lines.size() + " (" + notShared + ")";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> warm(Subject subject, Map<String, String> env) {
        List<Path> classpath = new ArrayList<>(List.of(jar, driverClasses, warmInterceptors));
        classpath.addAll(runtimeClasspath);
        List<String> flags = new ArrayList<>(ChildJvm.C1_FLAGS);
        flags.addAll(extraFlags);
        ChildJvm.Result result = jvm.run(classpath, flags, env, "org.code.plp.bench.driver.WarmDriver",
                List.of(subject.function().handlerClass(), subject.eventType(), subject.event().toString(),
                        Integer.toString(warmup), Integer.toString(requests)), "WARM");
        Map<String, String> figures = new LinkedHashMap<>();
        for (String pair : result.marker().substring("WARM ".length()).split(" ")) {
            int eq = pair.indexOf('=');
            figures.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return figures;
    }

    private static Cold print(Subject subject, Cold cold) {
        cold.medians().forEach((role, m) -> System.out.printf(Locale.ROOT,
                "cold %-20s %-12s %7.1f ms  init %6.0f ms  CPU %6.0f ms  classes %s  answer %s%n",
                subject.name(), role, m.coldMs(), m.initMs(), m.cpuMs(), m.classes(), m.answer()));
        System.out.printf(Locale.ROOT, "cold %-20s cold/floor %.2f%s%s%n", subject.name(), cold.ratio(Role.FUNCTION, Role.FLOOR),
                cold.has(Role.BEFORE) ? String.format(Locale.ROOT, "  before %.2f", cold.ratio(Role.BEFORE, Role.FLOOR)) : "",
                cold.has(Role.FUNCTION_AOT) ? String.format(Locale.ROOT, "  with caches %.2f", cold.ratio(Role.FUNCTION_AOT, Role.FLOOR_AOT)) : "");
        return cold;
    }

    // ------------------------------------------------------------------ setup

    private Map<String, String> commonEnv(int port) throws IOException {
        Path none = out.resolve("no-aws-config");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + port);
        // Nothing may leave this machine: an email a sample event might send goes to a closed local port.
        env.put("SES_ENDPOINT", "http://127.0.0.1:9");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        // Lambda hands functions their role's credentials in these variables.
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_SESSION_TOKEN", "local");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", none.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", none.toString());
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("DDB_LOCAL_TELEMETRY", "0");
        return env;
    }

    /** A function's environment in Lambda: its template variables (JAVA_TOOL_OPTIONS too) and Lambda's own. */
    private static Map<String, String> lambdaEnv(TemplateModel.Function function, Map<String, String> common,
                                                 LambdaRuntime runtime) {
        Map<String, String> env = new LinkedHashMap<>(function.env());
        env.putAll(common);
        env.put("AWS_EXECUTION_ENV", runtime.executionEnv());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(runtime.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.logicalId());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
        env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        env.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
        env.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
        return env;
    }

    private static Map<String, String> merge(Map<String, String> functionEnv, Map<String, String> common) {
        Map<String, String> env = new LinkedHashMap<>(functionEnv);
        env.putAll(common);
        // The flags are set on the command line, as Lambda's launcher does; JAVA_TOOL_OPTIONS would only echo them.
        env.remove("JAVA_TOOL_OPTIONS");
        return env;
    }

    /** One stored application, for the sample events that act on one (their path's {id}). */
    private String seedApplication(Platform platform) throws Exception {
        APIGatewayProxyRequestEvent request = Json.MAPPER.readerFor(APIGatewayProxyRequestEvent.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(Files.readString(root.resolve("events/SubmitApplication.json")));
        request.getHeaders().remove("Idempotency-Key");
        String answer = String.valueOf(new SubmitApplicationHandler(platform).handleRequest(request, null));
        Matcher id = Pattern.compile("/admin/applications/([0-9a-f-]{36})").matcher(answer);
        if (!id.find()) {
            throw new IllegalStateException("Could not seed an application: " + answer);
        }
        return id.group(1);
    }

    /** &lt;events&gt;/&lt;LogicalId without Function&gt;.json, copied into {@code copies} with any application id made real. */
    private static Optional<Path> sampleEvent(Path events, String name, String applicationId, Path copies) throws IOException {
        Path file = events.resolve(name + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String json = Files.readString(file);
        Matcher sampleId = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (json.contains("\"pathParameters\"") && sampleId.find()) {
            json = json.replace(sampleId.group(1), applicationId);
        }
        Path copy = Files.createDirectories(copies).resolve(name + ".json");
        Files.writeString(copy, json);
        return Optional.of(copy);
    }

    /** The event class of a handler: the first type argument of its RequestHandler. */
    static String eventType(String handlerClass) throws ClassNotFoundException {
        for (Class<?> type = Class.forName(handlerClass, false, ColdStartBenchmark.class.getClassLoader()); type != null;
             type = type.getSuperclass()) {
            List<Type> supertypes = new ArrayList<>(Arrays.asList(type.getGenericInterfaces()));
            supertypes.add(type.getGenericSuperclass());
            for (Type supertype : supertypes) {
                if (supertype instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return ((Class<?>) p.getActualTypeArguments()[0]).getName();
                }
            }
        }
        throw new IllegalArgumentException(handlerClass + " is not a RequestHandler");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // ------------------------------------------------------------------ figures

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String status(String marker) {
        Matcher m = Pattern.compile("statusCode[=:\"]+\\s*(\\d{3})").matcher(marker);
        return m.find() ? m.group(1) : "ok";
    }

    private String report(String started, int cores, String harnessCpus, LambdaRuntime runtime, List<Subject> subjects, List<String> skipped,
                          Map<String, Cold> cold, Optional<Baseline> baseline, Map<String, SnapStart> snapStart,
                          Map<String, Map<String, String>> warm) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Cold start and speed\n\n");
        md.append(String.format(Locale.ROOT, "Started %s on %d cores (`%s`), JDK %s; runtime `%s`, %d MB; measured JVMs pinned to CPU %s%s; "
                        + "%d function/floor pairs per function (plus one untimed pair); warm: %d requests after %d warm-up.%s%s%n%n",
                started, cores, loadAverage(), System.getProperty("java.version"),
                runtime.runtime(), runtime.memoryMb(), cpus.isBlank() ? "(none: not pinned)" : cpus,
                harnessCpus.isBlank() ? "" : " (harness and DynamoDB Local on CPU " + harnessCpus + ")", pairs, requests, warmup,
                extraFlags.isEmpty() ? "" : " Extra JVM flags: `" + String.join(" ", extraFlags) + "`.",
                aot ? " AOT caches: each trained by one cold start of its handler with its sample event (`-XX:AOTCacheOutput`, this JDK)." : ""));
        List<String> names = subjects.stream().map(Subject::name).toList();
        md.append(ColdTables.plain(names, cold));
        if (aot) {
            md.append('\n').append(ColdTables.withCaches(names, cold));
        }
        baseline.ifPresent(b -> md.append('\n').append(ColdTables.beforeAfter(names, cold, b)));
        if (!snapStart.isEmpty()) {
            md.append("\n### SnapStart init and the first request after it (priming run by the runtime, median of " + snapStartRuns + ")\n\n");
            md.append("| function | init + priming ms, default tiers | first request after restore ms, default tiers "
                    + "| init + priming ms, C1 only | first request after restore ms, C1 only |\n");
            md.append("|---|---:|---:|---:|---:|\n");
            for (Subject subject : subjects) {
                SnapStart s = snapStart.get(subject.name());
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.0f | %.1f |%n", subject.name(),
                        s.initMs(), s.firstRequestMs(), s.c1InitMs(), s.c1FirstRequestMs()));
            }
        }
        if (!warm.isEmpty()) {
            md.append("\n### Warm (one JVM, C1 only, pinned like the cold runs, per request)\n\n");
            md.append("| function | CPU excl. SDK p50 / p99 ms (p99 <= 1) | CPU incl. SDK p50 / p99 ms | wall p50 / p99 ms | SDK calls / request | answers |\n");
            md.append("|---|---:|---:|---:|---:|---|\n");
            for (Subject subject : subjects) {
                Map<String, String> w = warm.get(subject.name());
                double p99 = ms(w, "cpuExclSdk.p99");
                md.append(String.format(Locale.ROOT, "| %s | %.3f / %.3f %s | %.3f / %.3f | %.3f / %.3f | %s | %s |%n", subject.name(),
                        ms(w, "cpuExclSdk.p50"), p99, mark(p99 <= WARM_P99_BUDGET_MS), ms(w, "cpu.p50"), ms(w, "cpu.p99"),
                        ms(w, "wall.p50"), ms(w, "wall.p99"), w.get("sdkCallsPerRequest"), w.get("statuses")));
            }
            md.append('\n');
            subjects.stream().filter(s -> s.name().equals("ListPins")).findFirst().ifPresent(pins -> {
                Map<String, String> w = warm.get(pins.name());
                double p99 = ms(w, "wall.p99");
                md.append(String.format(Locale.ROOT, "GET /pins from the warm cache (ListPins, wall time in the handler): p50 %.3f ms, "
                                + "p99 %.3f ms %s (budget 0.2 ms); SDK calls per request %s.%n", ms(w, "wall.p50"), p99,
                        mark(p99 <= PINS_CACHE_BUDGET_MS), w.get("sdkCallsPerRequest")));
            });
        }
        long size = Files.size(jar);
        md.append('\n').append(String.format(Locale.ROOT, "Deployable package `%s`: %.2f MiB (%d bytes) %s (budget 15 MiB).%n",
                root.relativize(jar), size / 1024.0 / 1024.0, size, mark(size <= JAR_BUDGET_BYTES)));
        if (!skipped.isEmpty()) {
            md.append("\nNot measured: ").append(String.join(", ", skipped)).append(".\n");
        }
        return md.toString();
    }

    private static double ms(Map<String, String> warm, String key) {
        return Double.parseDouble(warm.get(key)) / 1000;
    }

    static String mark(boolean ok) {
        return ok ? "ok" : "**over**";
    }

    private static String loadAverage() {
        try {
            return "loadavg " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "loadavg n/a";
        }
    }
}
