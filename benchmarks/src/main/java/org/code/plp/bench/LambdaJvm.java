package org.code.plp.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A fresh JVM started the way Lambda's managed Java runtime starts one: the runtime interface client
 * ({@code AWSLambda}) on the system class path, the function's unpacked code as the working directory
 * (its class loader's task root), the runtime's JVM flags, the function's environment (including its
 * {@code JAVA_TOOL_OPTIONS}, which the JVM applies as Lambda's does), talking to {@link RuntimeApi}.
 * Pinned to the CPUs in {@code cpus} with taskset: a 1,024 MB function gets less than one vCPU.
 */
final class LambdaJvm {
    static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Duration TRAINING_EXIT_WAIT = Duration.ofMinutes(5);

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final List<Path> runtimeClasspath;
    private final Path jniLibrary;
    private final RuntimeApi api;
    private final String cpus;
    private final Path workDir;

    LambdaJvm(List<Path> runtimeClasspath, Path jniLibrary, RuntimeApi api, String cpus, Path workDir) {
        this.runtimeClasspath = runtimeClasspath;
        this.jniLibrary = jniLibrary;
        this.api = api;
        this.cpus = cpus;
        this.workDir = workDir;
    }

    /**
     * The flags of the managed runtime's launcher (as Lambda's java17/21 bootstrap passes them, which the java25
     * runtime keeps): heap at 85% of the memory size, serial GC, CDS on, C1 only unless the init is a
     * SnapStart one, the CRaC compatibility package, IPv4. Not reproduced: Lambda's own CDS archive of the
     * runtime's classes and its log4j hot-patch agent.
     */
    List<String> runtimeFlags(int memoryMb, boolean snapStart) {
        List<String> flags = new ArrayList<>(List.of(
                "-XX:MaxHeapSize=" + memoryMb * 1024L * 85 / 100 + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto"));
        if (!snapStart) {
            flags.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        }
        flags.addAll(List.of(
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Djava.net.preferIPv4Stack=true",
                "-XX:+ErrorFileToStderr",
                "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + jniLibrary));
        return flags;
    }

    /** One cold start: spawn, init, one invocation of {@code event}; figures in ms, relative to the spawn. */
    record Result(double coldMs, double initMs, double restoreMs, double cpuMs, String answer) {
    }

    Result run(Path taskRoot, String handler, Map<String, String> functionEnv, List<String> flags, String event) {
        Path output = null;
        try {
            output = Files.createTempFile(workDir, "runtime", ".log");
            return run(taskRoot, handler, functionEnv, flags, event, output, STOP_WAIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /**
     * A training run: one cold start with {@code trainingFlags} (which name the AOT cache to write), ended like any
     * other by SIGTERM once it has answered. The JVM's normal shutdown writes the AOT configuration and starts a
     * second JVM that assembles the cache, so this waits for the exit; the output stays in {@code log}.
     */
    void train(Path taskRoot, String handler, Map<String, String> functionEnv, List<String> trainingFlags, String event,
               Path cache, Path log) throws IOException {
        Files.deleteIfExists(cache);
        run(taskRoot, handler, functionEnv, trainingFlags, event, log, TRAINING_EXIT_WAIT);
        if (!Files.exists(cache) || Files.size(cache) == 0) {
            throw new IllegalStateException("The training run of " + handler + " wrote no AOT cache " + cache + ":\n"
                    + read(log));
        }
    }

    private Result run(Path taskRoot, String handler, Map<String, String> functionEnv, List<String> flags, String event,
                       Path output, Duration stopWait) {
        List<String> command = new ArrayList<>(Affinity.pinnedTo(cpus));
        command.add(java.toString());
        command.addAll(flags);
        command.add("-classpath");
        command.add(String.join(File.pathSeparator, runtimeClasspath.stream().map(Path::toString).toList()));
        command.add(MAIN);
        command.add(handler);

        Map<String, String> env = new LinkedHashMap<>(functionEnv);
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", handler);
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.putIfAbsent("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        RuntimeApi.Invocation invocation = api.expect("bench-" + System.nanoTime(), event);
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            long start = System.nanoTime();
            process = builder.start();
            String answer = await(invocation, process);
            double cpuMs = cpuMs(process.pid());
            return new Result(ms(invocation.answeredAt - start), ms(invocation.nextAt - start),
                    invocation.restoreAt == 0 ? Double.NaN : ms(invocation.restoreAt - start), cpuMs, answer);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cold start of " + handler + " failed: " + e.getMessage() + "\n"
                    + String.join(" ", command) + "\n" + read(output), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            // The runtime is waiting in invocation/next: stopped first, it exits by SIGTERM (a normal JVM shutdown, which
            // writes an AOT cache). Answered first, it would crash: the native client segfaults on a 500 from /next.
            stop(process, stopWait);
            invocation.end();
        }
    }

    /** The answer; fails as soon as the JVM exits without one (e.g. a flag it refuses), else after two minutes. */
    private static String await(RuntimeApi.Invocation invocation, Process process)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                return invocation.answer.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (!process.isAlive() && !invocation.answer.isDone()) {
                    throw new ExecutionException(new IllegalStateException("the JVM exited (" + process.exitValue() + ") without answering"));
                }
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    /** User + system CPU of every thread the process ran so far (clock ticks, 10 ms). */
    private static double cpuMs(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000.0 / CLOCK_TICKS_PER_SECOND;
    }

    private static void stop(Process process, Duration wait) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return file == null ? "" : Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
