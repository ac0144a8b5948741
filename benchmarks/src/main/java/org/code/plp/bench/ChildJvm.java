package org.code.plp.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain JVM for the warm runs: the given flags, a clean environment holding only what the function's
 * template entry gives it.
 */
final class ChildJvm {
    /** The on-demand runtime's compiler and GC settings: C1 only, serial GC. */
    static final List<String> C1_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:+UseSerialGC");

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path workDir;
    private final String cpus;

    /** JVMs pinned to {@code cpus} with taskset (blank: not pinned). */
    ChildJvm(Path workDir, String cpus) {
        this.workDir = workDir;
        this.cpus = cpus;
    }

    record Result(long wallNanos, String marker, String output) {
        /** The CPU time the child reported on a "CPU nanos" line, in ms; NaN if none. */
        double cpuMs() {
            return output.lines().filter(l -> l.startsWith("CPU ")).findFirst()
                    .map(l -> Long.parseLong(l.substring(4).trim()) / 1e6).orElse(Double.NaN);
        }
    }

    /**
     * Runs {@code mainClass} and times it from spawn until it prints a line starting with {@code marker}.
     */
    Result run(List<Path> classpath, List<String> extraFlags, Map<String, String> env, String mainClass,
               List<String> args, String marker) {
        List<String> command = new ArrayList<>(Affinity.pinnedTo(cpus));
        command.add(java.toString());
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(args);
        try {
            Path errors = Files.createTempFile(workDir, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectError(errors.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
            long start = System.nanoTime();
            Process process = builder.start();
            String found = null;
            long elapsed = 0;
            StringBuilder output = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (found == null && line.startsWith(marker)) {
                        elapsed = System.nanoTime() - start;
                        found = line;
                    } else {
                        output.append(line).append('\n');
                    }
                }
            }
            int exit = process.waitFor();
            String stderr = Files.readString(errors);
            Files.deleteIfExists(errors);
            if (found == null || exit != 0) {
                throw new IllegalStateException("Child JVM failed (exit " + exit + "): " + String.join(" ", command)
                        + "\n" + output + stderr);
            }
            return new Result(elapsed, found, output + stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
