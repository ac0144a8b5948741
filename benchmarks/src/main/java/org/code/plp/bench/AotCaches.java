package org.code.plp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.bench.ColdStartBenchmark.Launch;

/**
 * JDK AOT caches (JEP 483, one-step training of JEP 514), one per handler: trained by one cold start of that handler
 * through the runtime interface client with its sample event, in a task root holding the code as lib/*.jar.
 */
final class AotCaches {
    private static final String READ_FLAG = "-XX:SharedArchiveFile=";

    private final LambdaJvm lambda;
    private final Path taskRoot;
    private final Path dir;
    private final Map<String, Path> trained = new HashMap<>();

    AotCaches(LambdaJvm lambda, Path taskRoot, Path dir) throws IOException {
        this.lambda = lambda;
        this.taskRoot = taskRoot;
        this.dir = Files.createDirectories(dir);
    }

    /**
     * {@code plain} run from the lib/*.jar task root with its handler's cache, which is trained on first use (a
     * floor's once, with the event of whichever function asks first) and kept as {@code name}.aot.
     */
    Launch withCache(String name, Launch plain) throws IOException {
        Path cache = trained.get(plain.handler());
        if (cache == null) {
            cache = dir.resolve(name + ".aot");
            lambda.train(taskRoot, plain.handler(), plain.env(), trainingFlags(plain.flags(), cache), plain.event(), cache,
                    dir.resolve(name + ".training.log"));
            trained.put(plain.handler(), cache);
        }
        return new Launch(taskRoot, plain.handler(), withCache(plain.flags(), cache), plain.env(), plain.event());
    }

    /** The size of the cache a launch of {@link #withCache} reads. */
    long bytes(Launch withCache) throws IOException {
        String flag = withCache.flags().stream().filter(f -> f.startsWith(READ_FLAG)).reduce((a, b) -> b).orElseThrow();
        return Files.size(Path.of(flag.substring(READ_FLAG.length())));
    }

    /**
     * The run's flags writing a cache on exit. The JVM refuses -XX:AOTCacheOutput beside any -Xshare option, so the
     * training run goes without the launcher's -Xshare:auto (the cache still serves runs that pass it).
     */
    static List<String> trainingFlags(List<String> runFlags, Path cache) {
        List<String> flags = new ArrayList<>(runFlags.stream().filter(f -> !f.startsWith("-Xshare:")).toList());
        flags.add("-XX:AOTCacheOutput=" + cache);
        return flags;
    }

    /**
     * The run's flags reading the cache. Not -XX:AOTCache, which the JVM refuses beside the launcher's -Xshare:auto:
     * -XX:SharedArchiveFile takes an AOT cache as well, and is what JAVA_TOOL_OPTIONS could add in Lambda.
     */
    static List<String> withCache(List<String> runFlags, Path cache) {
        List<String> flags = new ArrayList<>(runFlags);
        flags.add(READ_FLAG + cache);
        return flags;
    }
}
