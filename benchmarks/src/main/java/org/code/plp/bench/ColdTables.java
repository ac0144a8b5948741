package org.code.plp.bench;

import static org.code.plp.bench.ColdStartBenchmark.AOT_RATIO_BUDGET;
import static org.code.plp.bench.ColdStartBenchmark.COLD_RATIO_BUDGET;
import static org.code.plp.bench.ColdStartBenchmark.mark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.code.plp.bench.ColdStartBenchmark.Cold;
import org.code.plp.bench.ColdStartBenchmark.Medians;
import org.code.plp.bench.ColdStartBenchmark.Role;

/** The cold-start tables of cold-start.md: the plain run, with AOT caches, and before/after a baseline. */
final class ColdTables {
    private static final double MIB = 1024 * 1024;

    private ColdTables() {
    }

    static String plain(List<String> names, Map<String, Cold> cold) {
        return table("### Cold start through the runtime interface client (fresh JVM per run, median)",
                "| function | cold ms | floor ms | cold/floor (<= " + COLD_RATIO_BUDGET + ") | stream floor ms (cold/it) "
                        + "| init ms fn / floor | CPU ms fn / floor (ratio) | classes fn / floor (not from CDS) | answer |",
                names, cold, (name, c) -> {
                    Against it = new Against(c, Role.FUNCTION, Role.FLOOR);
                    return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f %s | %.0f (%.2f) | %.0f / %.0f | %.0f / %.0f (%.2f) | %s / %s | %s |%n",
                            name, it.fn().coldMs(), it.floor().coldMs(), it.ratio(), mark(it.ratio() <= COLD_RATIO_BUDGET),
                            c.of(Role.STREAM_FLOOR).coldMs(), c.ratio(Role.FUNCTION, Role.STREAM_FLOOR),
                            it.fn().initMs(), it.floor().initMs(), it.fn().cpuMs(), it.floor().cpuMs(), it.cpuRatio(),
                            it.fn().classes(), it.floor().classes(), it.fn().answer());
                });
    }

    static String withCaches(List<String> names, Map<String, Cold> cold) {
        return table("### With a JDK AOT cache per JVM (code as lib/*.jar, `-XX:SharedArchiveFile=` beside `-Xshare:auto`; "
                        + "same rounds, median)",
                "| function | cold ms plain / with cache | floor ms with cache | cold/floor with caches (<= " + AOT_RATIO_BUDGET
                        + ") | with cache / plain floor | CPU ms fn / floor with caches (ratio) | classes fn / floor (not from the cache) "
                        + "| cache MiB fn / floor | answer |",
                names, cold, (name, c) -> {
                    Against it = new Against(c, Role.FUNCTION_AOT, Role.FLOOR_AOT);
                    return String.format(Locale.ROOT, "| %s | %.0f / %.0f | %.0f | %.2f %s | %.2f | %.0f / %.0f (%.2f) | %s / %s | %.1f / %.1f | %s |%n",
                            name, c.of(Role.FUNCTION).coldMs(), it.fn().coldMs(), it.floor().coldMs(), it.ratio(),
                            mark(it.ratio() <= AOT_RATIO_BUDGET), c.ratio(Role.FUNCTION_AOT, Role.FLOOR), it.fn().cpuMs(), it.floor().cpuMs(),
                            it.cpuRatio(), it.fn().classes(), it.floor().classes(), c.cacheBytes() / MIB, c.floorCacheBytes() / MIB,
                            it.fn().answer());
                });
    }

    /** Functions the baseline also had (same logical id): its run and the current one, against the same floor runs. */
    static String beforeAfter(List<String> names, Map<String, Cold> cold, Baseline baseline) {
        List<String> inBoth = names.stream().filter(name -> cold.get(name).has(Role.BEFORE)).toList();
        List<String> notBefore = names.stream().filter(name -> !inBoth.contains(name)).toList();
        String md = table("### Before (baseline " + baseline.describe() + ": its package, template "
                        + "environment and sample events) and after, same rounds, same floor (median)",
                "| function | cold ms before / after | floor ms | cold/floor before / after | CPU ms before / after "
                        + "| CPU/floor before / after | classes before / after (not from CDS) | answer before / after |",
                inBoth, cold, (name, c) -> {
                    Medians before = c.of(Role.BEFORE);
                    Medians after = c.of(Role.FUNCTION);
                    return String.format(Locale.ROOT, "| %s | %.0f / %.0f | %.0f | %.2f / %.2f | %.0f / %.0f | %.2f / %.2f | %s / %s | %s / %s |%n",
                            name, before.coldMs(), after.coldMs(), c.of(Role.FLOOR).coldMs(), c.ratio(Role.BEFORE, Role.FLOOR),
                            c.ratio(Role.FUNCTION, Role.FLOOR), before.cpuMs(), after.cpuMs(), c.cpuRatio(Role.BEFORE, Role.FLOOR),
                            c.cpuRatio(Role.FUNCTION, Role.FLOOR), before.classes(), after.classes(), before.answer(), after.answer());
                });
        return notBefore.isEmpty() ? md
                : md + "\nNot in the baseline (no function or sample event of that name): " + String.join(", ", notBefore) + ".\n";
    }

    /** A markdown table: its heading, header row, the right-aligned separator for every column, one row a name. */
    private static String table(String heading, String header, List<String> names, Map<String, Cold> cold,
                                BiFunction<String, Cold, String> row) {
        int columns = header.split("\\|", -1).length - 2;
        StringBuilder md = new StringBuilder(heading).append("\n\n").append(header).append('\n')
                .append("|---").append("|---:".repeat(columns - 1)).append("|\n");
        names.forEach(name -> md.append(row.apply(name, cold.get(name))));
        return md.toString();
    }

    /** A function's medians in one role against the floor's in another. */
    private record Against(Medians fn, Medians floor, double ratio, double cpuRatio) {
        Against(Cold c, Role fn, Role floor) {
            this(c.of(fn), c.of(floor), c.ratio(fn, floor), c.cpuRatio(fn, floor));
        }
    }
}
