package org.code.plp.bench;

import static org.code.plp.bench.ColdStartBenchmark.AOT_RATIO_BUDGET;
import static org.code.plp.bench.ColdStartBenchmark.COLD_RATIO_BUDGET;
import static org.code.plp.bench.ColdStartBenchmark.mark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.code.plp.bench.ColdStartBenchmark.Cold;
import org.code.plp.bench.ColdStartBenchmark.Medians;
import org.code.plp.bench.ColdStartBenchmark.Role;

/** The cold-start tables of cold-start.md: the plain run, with AOT caches, and before/after a baseline. */
final class ColdTables {
    private static final double MIB = 1024 * 1024;

    private ColdTables() {
    }

    static String plain(List<String> names, Map<String, Cold> cold) {
        StringBuilder md = new StringBuilder("### Cold start through the runtime interface client (fresh JVM per run, median)\n\n");
        md.append("| function | cold ms | floor ms | cold/floor (<= " + COLD_RATIO_BUDGET + ") | stream floor ms (cold/it) "
                + "| init ms fn / floor | CPU ms fn / floor (ratio) | classes fn / floor (not from CDS) | answer |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String name : names) {
            Cold c = cold.get(name);
            Medians fn = c.of(Role.FUNCTION);
            Medians floor = c.of(Role.FLOOR);
            double ratio = c.ratio(Role.FUNCTION, Role.FLOOR);
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f %s | %.0f (%.2f) | %.0f / %.0f | %.0f / %.0f (%.2f) | %s / %s | %s |%n",
                    name, fn.coldMs(), floor.coldMs(), ratio, mark(ratio <= COLD_RATIO_BUDGET),
                    c.of(Role.STREAM_FLOOR).coldMs(), c.ratio(Role.FUNCTION, Role.STREAM_FLOOR),
                    fn.initMs(), floor.initMs(), fn.cpuMs(), floor.cpuMs(), c.cpuRatio(Role.FUNCTION, Role.FLOOR),
                    fn.classes(), floor.classes(), fn.answer()));
        }
        return md.toString();
    }

    static String withCaches(List<String> names, Map<String, Cold> cold) {
        StringBuilder md = new StringBuilder("### With a JDK AOT cache per JVM (code as lib/*.jar, `-XX:SharedArchiveFile=` "
                + "beside `-Xshare:auto`; same rounds, median)\n\n");
        md.append("| function | cold ms plain / with cache | floor ms with cache | cold/floor with caches (<= " + AOT_RATIO_BUDGET
                + ") | with cache / plain floor | CPU ms fn / floor with caches (ratio) | classes fn / floor (not from the cache) "
                + "| cache MiB fn / floor | answer |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String name : names) {
            Cold c = cold.get(name);
            Medians fn = c.of(Role.FUNCTION_AOT);
            Medians floor = c.of(Role.FLOOR_AOT);
            double ratio = c.ratio(Role.FUNCTION_AOT, Role.FLOOR_AOT);
            md.append(String.format(Locale.ROOT, "| %s | %.0f / %.0f | %.0f | %.2f %s | %.2f | %.0f / %.0f (%.2f) | %s / %s | %.1f / %.1f | %s |%n",
                    name, c.of(Role.FUNCTION).coldMs(), fn.coldMs(), floor.coldMs(), ratio, mark(ratio <= AOT_RATIO_BUDGET),
                    c.ratio(Role.FUNCTION_AOT, Role.FLOOR), fn.cpuMs(), floor.cpuMs(), c.cpuRatio(Role.FUNCTION_AOT, Role.FLOOR_AOT),
                    fn.classes(), floor.classes(), c.cacheBytes() / MIB, c.floorCacheBytes() / MIB, fn.answer()));
        }
        return md.toString();
    }

    /** Functions the baseline also had (same logical id): its run and the current one, against the same floor runs. */
    static String beforeAfter(List<String> names, Map<String, Cold> cold, Baseline baseline) {
        StringBuilder md = new StringBuilder("### Before (baseline " + baseline.describe() + ": its package, template "
                + "environment and sample events) and after, same rounds, same floor (median)\n\n");
        md.append("| function | cold ms before / after | floor ms | cold/floor before / after | CPU ms before / after "
                + "| CPU/floor before / after | classes before / after (not from CDS) | answer before / after |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> notBefore = names.stream().filter(name -> !cold.get(name).has(Role.BEFORE)).toList();
        for (String name : names) {
            Cold c = cold.get(name);
            if (!c.has(Role.BEFORE)) {
                continue;
            }
            Medians before = c.of(Role.BEFORE);
            Medians after = c.of(Role.FUNCTION);
            md.append(String.format(Locale.ROOT, "| %s | %.0f / %.0f | %.0f | %.2f / %.2f | %.0f / %.0f | %.2f / %.2f | %s / %s | %s / %s |%n",
                    name, before.coldMs(), after.coldMs(), c.of(Role.FLOOR).coldMs(), c.ratio(Role.BEFORE, Role.FLOOR),
                    c.ratio(Role.FUNCTION, Role.FLOOR), before.cpuMs(), after.cpuMs(), c.cpuRatio(Role.BEFORE, Role.FLOOR),
                    c.cpuRatio(Role.FUNCTION, Role.FLOOR), before.classes(), after.classes(), before.answer(), after.answer()));
        }
        if (!notBefore.isEmpty()) {
            md.append("\nNot in the baseline (no function or sample event of that name): ").append(String.join(", ", notBefore)).append(".\n");
        }
        return md.toString();
    }
}
