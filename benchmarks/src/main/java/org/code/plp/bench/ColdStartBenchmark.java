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

    /** Medians over the pairs of one function and its floor; {@code aot} when measured with AOT caches too. */
    record Cold(double medianMs, double floorMs, double streamFloorMs, double initMs, double floorInitMs, double cpuMs,
                double floorCpuMs, String classes, String floorClasses, String answer, Optional<Aot> aot) {
        double ratio() {
            return medianMs / floorMs;
        }
    }

    /** Function and floor, each with its own AOT cache, code as lib/*.jar: medians of the same rounds. */
    record Aot(double medianMs, double floorMs, double cpuMs, double floorCpuMs, String classes, String floorClasses,
               long cacheBytes, long floorCacheBytes) {
        double ratio() {
            return medianMs / floorMs;
        }
    }

    /** One JVM of a round: where the code lies, the handler, the flags. */
    record Launch(Path taskRoot, String handler, List<String> flags) {
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
                Optional<Path> event = sampleEvent(function, applicationId);
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
            Map<String, Cold> cold = new LinkedHashMap<>();
            Map<String, SnapStart> snapStart = new LinkedHashMap<>();
            for (Subject subject : subjects) {
                Map<String, String> env = lambdaEnv(subject.function(), common, runtime);
                cold.put(subject.name(), print(subject, cold(lambda, runtime, subject, env, caches)));
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
            String report = report(started, cores, harnessCpus, runtime, subjects, skipped, cold, snapStart, warm);
            Files.writeString(out.resolve("cold-start.md"), report);
            System.out.println();
            System.out.println(report);
        }
    }

    // ------------------------------------------------------------------ measurements

    private Cold cold(LambdaJvm lambda, LambdaRuntime runtime, Subject subject, Map<String, String> env,
                      Optional<AotCaches> caches) throws IOException {
        String event = Files.readString(subject.event());
        List<String> flags = new ArrayList<>(lambda.runtimeFlags(runtime.memoryMb(), false));
        flags.addAll(extraFlags);
        String floor = subject.floor() + "::handleRequest";
        List<Launch> launches = new ArrayList<>(List.of(new Launch(taskRoot, subject.function().handler(), flags),
                new Launch(taskRoot, floor, flags), new Launch(taskRoot, StreamHandlerFloor.class.getName(), flags)));
        List<Path> cacheFiles = new ArrayList<>();
        if (caches.isPresent()) {
            AotCaches aotCaches = caches.get();
            cacheFiles.add(aotCaches.cacheFor(subject.name(), subject.function().handler(), env, flags, event));
            cacheFiles.add(aotCaches.cacheFor(subject.floor().replaceFirst(".*\\.", ""), floor, env, flags, event));
            launches.add(new Launch(aotCaches.taskRoot(), subject.function().handler(), AotCaches.withCache(flags, cacheFiles.get(0))));
            launches.add(new Launch(aotCaches.taskRoot(), floor, AotCaches.withCache(flags, cacheFiles.get(1))));
        }
        // One untimed round first (file cache), then each launch in turn.
        for (Launch launch : launches) {
            run(lambda, launch, env, event);
        }
        double[][][] figures = new double[launches.size()][3][pairs];
        String answer = "";
        for (int i = 0; i < pairs; i++) {
            for (int l = 0; l < launches.size(); l++) {
                LambdaJvm.Result result = run(lambda, launches.get(l), env, event);
                figures[l][0][i] = result.coldMs();
                figures[l][1][i] = result.initMs();
                figures[l][2][i] = result.cpuMs();
                if (l == 0) {
                    answer = result.answer();
                }
            }
        }
        Optional<Aot> withCaches = caches.isEmpty() ? Optional.empty() : Optional.of(new Aot(
                median(figures[3][0]), median(figures[4][0]), median(figures[3][2]), median(figures[4][2]),
                classesLoaded(lambda, launches.get(3), env, event), classesLoaded(lambda, launches.get(4), env, event),
                Files.size(cacheFiles.get(0)), Files.size(cacheFiles.get(1))));
        return new Cold(median(figures[0][0]), median(figures[1][0]), median(figures[2][0]),
                median(figures[0][1]), median(figures[1][1]), median(figures[0][2]), median(figures[1][2]),
                classesLoaded(lambda, launches.get(0), env, event), classesLoaded(lambda, launches.get(1), env, event),
                status(answer), withCaches);
    }

    private static LambdaJvm.Result run(LambdaJvm lambda, Launch launch, Map<String, String> env, String event) {
        return lambda.run(launch.taskRoot(), launch.handler(), env, launch.flags(), event);
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
    private String classesLoaded(LambdaJvm lambda, Launch launch, Map<String, String> env, String event) {
        if (!countClasses) {
            return "-";
        }
        try {
            Path log = Files.createTempFile(out, "classes", ".log");
            List<String> flags = new ArrayList<>(launch.flags());
            flags.add("-Xlog:class+load=info:file=" + log);
            lambda.run(launch.taskRoot(), launch.handler(), env, flags, event);
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
        System.out.printf(Locale.ROOT, "cold %-20s %7.1f ms  floor %7.1f ms  stream floor %7.1f ms  ratio %.2f  init %.0f / %.0f ms  CPU %.0f / %.0f ms  classes %s / %s%n",
                subject.name(), cold.medianMs(), cold.floorMs(), cold.streamFloorMs(), cold.ratio(), cold.initMs(), cold.floorInitMs(),
                cold.cpuMs(), cold.floorCpuMs(), cold.classes(), cold.floorClasses());
        cold.aot().ifPresent(a -> System.out.printf(Locale.ROOT, "aot  %-20s %7.1f ms  floor %7.1f ms  ratio %.2f  CPU %.0f / %.0f ms  classes %s / %s%n",
                subject.name(), a.medianMs(), a.floorMs(), a.ratio(), a.cpuMs(), a.floorCpuMs(), a.classes(), a.floorClasses()));
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

    /** events/&lt;LogicalId without Function&gt;.json, with any application id made real. */
    private Optional<Path> sampleEvent(TemplateModel.Function function, String applicationId) throws IOException {
        String name = shortName(function);
        Path file = root.resolve("events").resolve(name + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String json = Files.readString(file);
        Matcher sampleId = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (json.contains("\"pathParameters\"") && sampleId.find()) {
            json = json.replace(sampleId.group(1), applicationId);
        }
        Path copy = out.resolve("events").resolve(name + ".json");
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
                          Map<String, Cold> cold, Map<String, SnapStart> snapStart, Map<String, Map<String, String>> warm)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Cold start and speed\n\n");
        md.append(String.format(Locale.ROOT, "Started %s on %d cores (`%s`), JDK %s; runtime `%s`, %d MB; measured JVMs pinned to CPU %s%s; "
                        + "%d function/floor pairs per function (plus one untimed pair); warm: %d requests after %d warm-up.%s%s%n%n",
                started, cores, loadAverage(), System.getProperty("java.version"),
                runtime.runtime(), runtime.memoryMb(), cpus.isBlank() ? "(none: not pinned)" : cpus,
                harnessCpus.isBlank() ? "" : " (harness and DynamoDB Local on CPU " + harnessCpus + ")", pairs, requests, warmup,
                extraFlags.isEmpty() ? "" : " Extra JVM flags: `" + String.join(" ", extraFlags) + "`.",
                aot ? " AOT caches: each trained by one cold start of its handler with its sample event (`-XX:AOTCacheOutput`, this JDK)." : ""));
        md.append("### Cold start through the runtime interface client (fresh JVM per run, median)\n\n");
        md.append("| function | cold ms | floor ms | cold/floor (<= " + COLD_RATIO_BUDGET + ") | stream floor ms (cold/it) "
                + "| init ms fn / floor | CPU ms fn / floor (ratio) | classes fn / floor (not from CDS) | answer |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Subject subject : subjects) {
            Cold c = cold.get(subject.name());
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f %s | %.0f (%.2f) | %.0f / %.0f | %.0f / %.0f (%.2f) | %s / %s | %s |%n",
                    subject.name(), c.medianMs(), c.floorMs(), c.ratio(), mark(c.ratio() <= COLD_RATIO_BUDGET),
                    c.streamFloorMs(), c.medianMs() / c.streamFloorMs(),
                    c.initMs(), c.floorInitMs(), c.cpuMs(), c.floorCpuMs(), c.cpuMs() / c.floorCpuMs(),
                    c.classes(), c.floorClasses(), c.answer()));
        }
        if (aot) {
            md.append("\n### With a JDK AOT cache per JVM (code as lib/*.jar, `-XX:SharedArchiveFile=` beside `-Xshare:auto`; same rounds, median)\n\n");
            md.append("| function | cold ms plain / with cache | floor ms with cache | cold/floor with caches (<= " + AOT_RATIO_BUDGET
                    + ") | with cache / plain floor | CPU ms fn / floor with caches (ratio) | classes fn / floor (not from the cache) | cache MiB fn / floor |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Subject subject : subjects) {
                Cold c = cold.get(subject.name());
                Aot a = c.aot().orElseThrow();
                md.append(String.format(Locale.ROOT, "| %s | %.0f / %.0f | %.0f | %.2f %s | %.2f | %.0f / %.0f (%.2f) | %s / %s | %.1f / %.1f |%n",
                        subject.name(), c.medianMs(), a.medianMs(), a.floorMs(), a.ratio(), mark(a.ratio() <= AOT_RATIO_BUDGET),
                        a.medianMs() / c.floorMs(), a.cpuMs(), a.floorCpuMs(), a.cpuMs() / a.floorCpuMs(),
                        a.classes(), a.floorClasses(), a.cacheBytes() / 1048576.0, a.floorCacheBytes() / 1048576.0));
            }
        }
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

    private static String mark(boolean ok) {
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
