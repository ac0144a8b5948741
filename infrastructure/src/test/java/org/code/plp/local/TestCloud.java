package org.code.plp.local;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.code.plp.platform.Env;
import org.code.plp.platform.Platform;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local cloud for tests: one per test JVM, started on first use and never stopped (the JVM's
 * end stops it). Embedded DynamoDB Local (or DYNAMODB_ENDPOINT when set, or a {@link DynamoBackend}
 * such as LocalStack in the localstack profile), tables from
 * template.yaml, the seed regions, the API on a free port, every LocalService.
 * Tests share it: give every record a unique id ({@link #uniqueId}) instead of clearing tables.
 */
public final class TestCloud {
    private static final Duration AWAIT_DEADLINE = Duration.ofSeconds(20);
    private static TestCloud shared;
    private static TestAbortedException unavailable;

    private final LocalCloud cloud;
    private final TestHttp http;

    private TestCloud(LocalCloud cloud) {
        this.cloud = cloud;
        this.http = new TestHttp(cloud.baseUri(), OpenApiContract.site());
    }

    public static synchronized TestCloud shared() {
        if (unavailable != null) {
            throw unavailable;
        }
        if (shared == null) {
            Map<String, String> env = new HashMap<>(System.getenv());
            // Decision emails go out at once in tests; the hold and its undo are tested with their own handlers and clocks.
            env.putIfAbsent("DECISION_EMAIL_HOLD_MINUTES", "0");
            try {
                for (var provider : ServiceLoader.load(DynamoBackend.class).stream().toList()) {
                    env.putAll(provider.get().environment());
                }
            } catch (TestAbortedException skip) {
                unavailable = skip;
                throw skip;
            }
            long started = System.nanoTime();
            shared = new TestCloud(LocalCloud.start(LocalCloud.Options.forTests(env)));
            System.err.printf("TestCloud up in %d ms on %s%n", (System.nanoTime() - started) / 1_000_000, shared.baseUri());
        }
        return shared;
    }

    /** The API's base URL, e.g. http://127.0.0.1:40123. */
    public URI baseUri() {
        return cloud.baseUri();
    }

    /** An HTTP client on {@link #baseUri()}. */
    public TestHttp http() {
        return http;
    }

    public DynamoDbClient dynamo() {
        return cloud.dynamo();
    }

    public DynamoDbStreamsClient dynamoStreams() {
        return cloud.dynamoStreams();
    }

    public TemplateModel template() {
        return cloud.template();
    }

    /** The running cloud: functions, routes, env overrides. */
    public LocalCloud cloud() {
        return cloud;
    }

    public LocalFunctions functions() {
        return cloud.functions();
    }

    /** A Platform on the functions' shared environment (Globals), on this DynamoDB Local. */
    public Platform platform() {
        return cloud.functions().sharedPlatform();
    }

    /** The Platform the local cloud gives {@code functionLogicalId} (its own template environment). */
    public Platform platform(String functionLogicalId) {
        return cloud.functions().platform(functionLogicalId);
    }

    /** The functions' shared environment (table names etc.). */
    public Env env() {
        return cloud.functions().sharedEnv();
    }

    /** The local name of a table by its logical id, e.g. {@code table("ApplicationsTable")}. */
    public String table(String logicalId) {
        return cloud.template().tableName(logicalId);
    }

    /** A staff token for {@code Authorization: Bearer ...}. */
    public String token(String email, String... groups) {
        return cloud.tokens().issue(email, List.of(groups));
    }

    /** {@code Authorization} header value for a staff member. */
    public String bearer(String email, String... groups) {
        return "Bearer " + token(email, groups);
    }

    /** A new, unique id like {@code prefix-3f9c0a1b2c}, for keys tests create. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Polls {@code condition} every 20 ms until it holds; fails the test after 20 s (no fixed sleeps in tests). */
    public static void awaitTrue(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(AWAIT_DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                Assertions.fail("Timed out after " + AWAIT_DEADLINE.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A copy of {@code base} with extra entries, handy for building environments. */
    public static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> out = new HashMap<>(base);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "TestCloud" + Arrays.asList(baseUri(), cloud.localDynamo().endpoint().map(URI::toString).orElse("embedded"));
    }
}
