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
import org.code.plp.bench.driver.ColdDriver;
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
    static final double COLD_RATIO_BUDGET = 2.5;
    static final double WARM_P99_BUDGET_MS = 1.0;
    static final double PINS_CACHE_BUDGET_MS = 0.2;
    private static final Pattern PHASES = Pattern.compile("event=(\\d+) init=(\\d+) invoke=(\\d+)");

    private final Path root = ProjectPaths.root();
    private final Path out = root.resolve("benchmarks/target/bench");
    private final Path jar = root.resolve("functions/target/plp-functions-lambda.zip");
    private final Path driverClasses = out.resolve("driver.jar");
    private final Path warmInterceptors = out.resolve("warm-interceptors");
    private final int runs = Integer.getInteger("bench.runs", 7);
    private final boolean appCds = Boolean.parseBoolean(System.getProperty("bench.appcds", "true"));
    private final String only = System.getProperty("bench.only", "");
    private final int warmup = Integer.getInteger("bench.warm.warmup", 1500);
    private final int requests = Integer.getInteger("bench.warm.requests", 1000);
    private final List<String> extraFlags = Optional.ofNullable(System.getProperty("bench.jvmFlags"))
            .filter(f -> !f.isBlank()).map(f -> List.of(f.trim().split("\\s+"))).orElse(List.of());
    private final ChildJvm jvm;

    private ColdStartBenchmark() throws IOException {
        Files.createDirectories(out.resolve("events"));
        // Warm runs only: the SDK picks up global interceptors listed in this classpath file.
        Path interceptors = warmInterceptors.resolve("software/amazon/awssdk/global/handlers/execution.interceptors");
        Files.createDirectories(interceptors.getParent());
        Files.writeString(interceptors, "org.code.plp.bench.driver.SdkCpuInterceptor\n");
        writeDriverJar(root.resolve("benchmarks/target/classes"), "org/code/plp/bench/driver/");
        this.jvm = new ChildJvm(out);
    }

    public static void main(String[] args) throws Exception {
        new ColdStartBenchmark().run();
    }

    record Subject(TemplateModel.Function function, String eventType, Path event) {
        String name() {
            return shortName(function);
        }
    }

    /** The logical id without "Function", as events/ and bench.only name functions. */
    static String shortName(TemplateModel.Function function) {
        return function.logicalId().replaceFirst("Function$", "");
    }

    record Cold(double medianMs, double floorMs, double cpuMs, double floorCpuMs, String classes, String floorClasses,
                String phases, String answer) {
        double ratio() {
            return medianMs / floorMs;
        }
    }

    private void run() throws Exception {
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        TemplateModel template = TemplateModel.read(root.resolve("template.yaml"));
        int port = freePort();
        try (LocalDynamo dynamo = LocalDynamo.server(port)) {
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

            Map<String, Cold> cold = new LinkedHashMap<>();
            Map<String, Cold> coldCds = new LinkedHashMap<>();
            for (Subject subject : subjects) {
                Map<String, String> env = merge(subject.function().env(), common);
                cold.put(subject.name(), print("cold", subject, cold(subject, env, false)));
                if (appCds) {
                    coldCds.put(subject.name(), print("cold+AppCDS", subject, cold(subject, env, true)));
                }
            }
            Map<String, Map<String, String>> warm = new LinkedHashMap<>();
            for (Subject subject : subjects) {
                warm.put(subject.name(), warm(subject, merge(subject.function().env(), common)));
                System.out.println("warm " + subject.name() + " " + warm.get(subject.name()));
            }
            String report = report(started, subjects, skipped, cold, coldCds, warm);
            Files.writeString(out.resolve("cold-start.md"), report);
            System.out.println();
            System.out.println(report);
        }
    }

    // ------------------------------------------------------------------ measurements

    private Cold cold(Subject subject, Map<String, String> env, boolean appCds) throws IOException {
        List<Path> classpath = List.of(jar, driverClasses);
        List<String> fnArgs = List.of(subject.function().handlerClass(), subject.eventType(), subject.event().toString());
        List<String> floorArgs = List.of(ColdDriver.FLOOR, subject.eventType(), subject.event().toString());
        String main = ColdDriver.class.getName();
        List<String> fnFlags = new ArrayList<>(extraFlags);
        List<String> floorFlags = new ArrayList<>(extraFlags);
        if (appCds) {
            // Each JVM gets an archive trained on one run of itself: the fair comparison.
            Path archives = Files.createDirectories(out.resolve("appcds"));
            Path fnArchive = archives.resolve(subject.name() + ".jsa");
            Path floorArchive = archives.resolve(subject.name() + "-floor.jsa");
            jvm.run(classpath, concat(extraFlags, "-XX:ArchiveClassesAtExit=" + fnArchive), env, main, fnArgs, "RESPONSE");
            jvm.run(classpath, concat(extraFlags, "-XX:ArchiveClassesAtExit=" + floorArchive), env, main, floorArgs, "RESPONSE");
            fnFlags.add("-XX:SharedArchiveFile=" + fnArchive);
            floorFlags.add("-XX:SharedArchiveFile=" + floorArchive);
        }
        // One untimed pair first (file cache), then alternate function / floor.
        jvm.run(classpath, fnFlags, env, main, fnArgs, "RESPONSE");
        jvm.run(classpath, floorFlags, env, main, floorArgs, "RESPONSE");
        double[] fn = new double[runs];
        double[] floor = new double[runs];
        double[] fnCpu = new double[runs];
        double[] floorCpu = new double[runs];
        long[][] phases = new long[runs][];
        String answer = "";
        for (int i = 0; i < runs; i++) {
            ChildJvm.Result result = jvm.run(classpath, fnFlags, env, main, fnArgs, "RESPONSE");
            fn[i] = result.wallNanos() / 1e6;
            fnCpu[i] = result.cpuMs();
            phases[i] = phases(result.marker());
            answer = result.marker();
            ChildJvm.Result floorResult = jvm.run(classpath, floorFlags, env, main, floorArgs, "RESPONSE");
            floor[i] = floorResult.wallNanos() / 1e6;
            floorCpu[i] = floorResult.cpuMs();
        }
        return new Cold(median(fn), median(floor), median(fnCpu), median(floorCpu), classesLoaded(classpath, fnFlags, env, fnArgs),
                classesLoaded(classpath, floorFlags, env, floorArgs), medianPhases(phases), status(answer));
    }

    /** The small driver the child JVMs run, as a jar: CDS archives only classes from jars. */
    private void writeDriverJar(Path classes, String packagePath) throws IOException {
        try (var jarOut = new java.util.jar.JarOutputStream(Files.newOutputStream(driverClasses));
             var files = Files.walk(classes.resolve(packagePath))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new java.util.jar.JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
    }

    private static List<String> concat(List<String> flags, String flag) {
        List<String> all = new ArrayList<>(flags);
        all.add(flag);
        return all;
    }

    /** Classes loaded by one run; with an archive, those not from a CDS archive are what still costs. */
    private String classesLoaded(List<Path> classpath, List<String> runFlags, Map<String, String> env, List<String> args) {
        try {
            Path log = Files.createTempFile(out, "classes", ".log");
            List<String> flags = new ArrayList<>(runFlags);
            flags.add("-Xlog:class+load=info:file=" + log);
            jvm.run(classpath, flags, env, ColdDriver.class.getName(), args, "RESPONSE");
            List<String> lines = Files.readAllLines(log).stream().filter(l -> l.contains("source:")).toList();
            long notShared = lines.stream().filter(l -> !l.contains("shared objects file")).count();
            Files.delete(log);
            return lines.size() + " (" + notShared + ")";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> warm(Subject subject, Map<String, String> env) {
        ChildJvm.Result result = jvm.run(List.of(jar, driverClasses, warmInterceptors), extraFlags, env,
                "org.code.plp.bench.driver.WarmDriver",
                List.of(subject.function().handlerClass(), subject.eventType(), subject.event().toString(),
                        Integer.toString(warmup), Integer.toString(requests)), "WARM");
        Map<String, String> figures = new LinkedHashMap<>();
        for (String pair : result.marker().substring("WARM ".length()).split(" ")) {
            int eq = pair.indexOf('=');
            figures.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return figures;
    }

    private static Cold print(String what, Subject subject, Cold cold) {
        System.out.printf(Locale.ROOT, "%-12s %-20s %7.1f ms  floor %7.1f ms  ratio %.2f  CPU %.0f / %.0f ms  classes %s / %s  phases %s%n",
                what, subject.name(), cold.medianMs(), cold.floorMs(), cold.ratio(), cold.cpuMs(), cold.floorCpuMs(),
                cold.classes(), cold.floorClasses(), cold.phases());
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
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("DDB_LOCAL_TELEMETRY", "0");
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

    private static long[] phases(String marker) {
        Matcher m = PHASES.matcher(marker);
        if (!m.find()) {
            return new long[3];
        }
        return new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    private static String medianPhases(long[][] phases) {
        double[] init = Arrays.stream(phases).mapToDouble(p -> p[1] / 1000.0).toArray();
        double[] invoke = Arrays.stream(phases).mapToDouble(p -> p[2] / 1000.0).toArray();
        return String.format(Locale.ROOT, "%.0f / %.0f", median(init), median(invoke));
    }

    private static String status(String marker) {
        Matcher m = Pattern.compile("statusCode[=:\"]+\\s*(\\d{3})").matcher(marker);
        return m.find() ? m.group(1) : "ok";
    }

    private String report(String started, List<Subject> subjects, List<String> skipped, Map<String, Cold> cold,
                          Map<String, Cold> coldCds, Map<String, Map<String, String>> warm) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Cold start and speed\n\n");
        md.append(String.format(Locale.ROOT, "Started %s on %d cores (`%s`), JDK %s; %d cold runs per function, alternating "
                        + "with the floor; warm: %d requests after %d warm-up.%s%n%n", started,
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"), runs, requests, warmup,
                extraFlags.isEmpty() ? "" : " Extra JVM flags: `" + String.join(" ", extraFlags) + "`."));
        md.append("### Cold start (fresh JVM per run, median)\n\n");
        md.append("| function | cold ms | floor ms | cold/floor (<= 2.5) | CPU ms fn / floor (ratio) | classes fn / floor (not from CDS) | init / 1st request ms | answer |");
        md.append(appCds ? " AppCDS: cold ms | AppCDS: floor ms | AppCDS: cold/floor | AppCDS: classes fn / floor (not from CDS) |\n" : "\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|").append(appCds ? "---:|---:|---:|---:|\n" : "\n");
        for (Subject subject : subjects) {
            Cold c = cold.get(subject.name());
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f %s | %.0f / %.0f (%.2f) | %s / %s | %s | %s |", subject.name(),
                    c.medianMs(), c.floorMs(), c.ratio(), mark(c.ratio() <= COLD_RATIO_BUDGET), c.cpuMs(), c.floorCpuMs(), c.cpuMs() / c.floorCpuMs(),
                    c.classes(), c.floorClasses(), c.phases(), c.answer()));
            if (appCds) {
                Cold a = coldCds.get(subject.name());
                md.append(String.format(Locale.ROOT, " %.0f | %.0f | %.2f %s | %s / %s |", a.medianMs(), a.floorMs(), a.ratio(),
                        mark(a.ratio() <= COLD_RATIO_BUDGET), a.classes(), a.floorClasses()));
            }
            md.append('\n');
        }
        md.append("\n### Warm (one JVM, Lambda flags, per request)\n\n");
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
        subjects.stream().filter(s -> s.name().equals("ListPins")).findFirst().ifPresentOrElse(pins -> {
            Map<String, String> w = warm.get(pins.name());
            double p99 = ms(w, "wall.p99");
            md.append(String.format(Locale.ROOT, "GET /pins from the warm cache (ListPins, wall time in the handler): p50 %.3f ms, "
                            + "p99 %.3f ms %s (budget 0.2 ms); SDK calls per request %s.%n%n", ms(w, "wall.p50"), p99,
                    mark(p99 <= PINS_CACHE_BUDGET_MS), w.get("sdkCallsPerRequest")));
        }, () -> md.append("GET /pins: no ListPins function in template.yaml yet.\n\n"));
        long size = Files.size(jar);
        md.append(String.format(Locale.ROOT, "Deployable jar `%s`: %.2f MiB (%d bytes) %s (budget 15 MiB).%n",
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
