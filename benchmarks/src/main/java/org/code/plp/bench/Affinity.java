package org.code.plp.bench;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Keeps the harness (and DynamoDB Local in it) off the CPUs the measured JVMs are pinned to. */
final class Affinity {
    private Affinity() {
    }

    /** The command prefix that starts a process on {@code cpus} (none when blank). */
    static List<String> pinnedTo(String cpus) {
        return cpus.isBlank() ? List.of() : List.of("taskset", "-c", cpus);
    }

    /** Pins every thread of this JVM to the other CPUs; returns them ("" when there are none or no taskset). */
    static String keepOffCpus(String measuredCpus) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (measuredCpus.isBlank() || !measuredCpus.matches("\\d+")) {
            return "";
        }
        int measured = Integer.parseInt(measuredCpus);
        String others = IntStream.range(0, cores).filter(c -> c != measured).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        if (others.isEmpty()) {
            return "";
        }
        try {
            Process taskset = new ProcessBuilder(List.of("taskset", "-a", "-p", "-c", others,
                    Long.toString(ProcessHandle.current().pid()))).redirectErrorStream(true).start();
            taskset.getInputStream().readAllBytes();
            return taskset.waitFor() == 0 ? others : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
