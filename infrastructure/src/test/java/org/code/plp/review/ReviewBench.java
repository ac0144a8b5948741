package org.code.plp.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.counters.Counters;
import org.code.plp.local.LocalDynamo;
import org.code.plp.local.LocalTables;
import org.code.plp.local.TemplateModel;
import org.code.plp.platform.Env;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Benchmark (not a test): the review queue's page time at 1,000 and 100,000 applications in
 * DynamoDB Local (in process), tables created from template.yaml. Loads with BatchWriteItem, then
 * times GET /admin/applications through the real handler: the first page, a status + region page,
 * and q searches. Prints a table and writes infrastructure/target/review-bench.md.
 *
 *   ./mvnw -q -pl infrastructure -am -Preview-bench verify -DskipTests
 *
 * Sizes can be changed with -Dreview.bench.sizes=1000,100000.
 */
public final class ReviewBench {
    private static final int WARMUP = 40;
    private static final int RUNS = 60;
    private static final int REGIONS = 20;
    private static final String[] WORDS = {"Bayou", "Delta", "Summit", "River", "Pine", "Harbor", "Prairie", "Mesa",
            "Valley", "Lakes", "Coastal", "Heartland", "Frontier", "Metro", "Capital", "Granite"};
    private static final String[] KINDS = {"STEM Collaborative", "Education Service Center", "Learning Alliance",
            "School District", "University Outreach", "Computing Network"};
    private static final String RARE = "crescent";

    public static void main(String[] args) throws IOException {
        int[] sizes = Arrays.stream(System.getProperty("review.bench.sizes", "1000,100000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        TemplateModel template = TemplateModel.load();
        List<String[]> rows = new ArrayList<>();
        for (int size : sizes) {
            try (LocalDynamo dynamo = LocalDynamo.embedded()) {
                LocalTables.createAll(dynamo.client(), template);
                Env env = new Env(template.globalEnv());
                Platform platform = new Platform(env, dynamo.client(), () -> {
                    throw new IllegalStateException("no mail in the benchmark");
                }, Clock.systemUTC());
                long loadStart = System.nanoTime();
                load(dynamo.client(), env, size);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                System.out.printf(Locale.ROOT, "loaded %,d applications in %.1f s%n", size, loadSeconds);
                ReadApplicationsHandler handler = new ReadApplicationsHandler(platform);
                rows.add(measure(handler, size, "first page (limit 50)", Map.of()));
                rows.add(measure(handler, size, "status=pending & region=region-07", Map.of("status", "pending", "region", "region-07")));
                rows.add(measure(handler, size, "sort=score (first page)", Map.of("sort", "score")));
                rows.add(measure(handler, size, "sort=score & region=region-07", Map.of("sort", "score", "region", "region-07")));
                rows.add(measure(handler, size, "q=bayou (common, ~1 in 16)", Map.of("q", "bayou")));
                rows.add(measure(handler, size, "q=" + RARE + " (rare, ~1 in 1000)", Map.of("q", RARE)));
                rows.add(measure(handler, size, "status=pending & q=" + RARE, Map.of("status", "pending", "q", RARE)));
            }
        }
        String table = render(rows);
        System.out.println(table);
        Path out = Path.of(System.getProperty("review.bench.out", "target/review-bench.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "# Review queue benchmark\n\nDynamoDB Local " + "(embedded, in process), tables from template.yaml, "
                + "times through ReadApplicationsHandler; median and p95 of " + RUNS + " calls after " + WARMUP
                + " warm-up calls. Run on " + Instant.now() + " with " + Runtime.getRuntime().availableProcessors()
                + " cores.\n\n" + table);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static String[] measure(ReadApplicationsHandler handler, int size, String label, Map<String, String> query) {
        long[] nanos = new long[RUNS];
        int items = 0;
        boolean more = false;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            APIGatewayProxyResponseEvent response = handler.handleRequest(event(query), null);
            long took = System.nanoTime() - start;
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException(label + ": " + response.getStatusCode() + " " + response.getBody());
            }
            if (i >= WARMUP) {
                nanos[i - WARMUP] = took;
            }
            var body = Json.read(response.getBody());
            items = body.get("items").size();
            more = !body.get("nextCursor").isNull();
        }
        Arrays.sort(nanos);
        return new String[] {String.format(Locale.ROOT, "%,d", size), label,
                String.format(Locale.ROOT, "%.1f", nanos[RUNS / 2] / 1e6),
                String.format(Locale.ROOT, "%.1f", nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6),
                Integer.toString(items), more ? "yes" : "no"};
    }

    private static String render(List<String[]> rows) {
        StringBuilder out = new StringBuilder("| applications | page | median ms | p95 ms | items | nextCursor |\n"
                + "|---:|---|---:|---:|---:|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    private static APIGatewayProxyRequestEvent event(Map<String, String> query) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAuthorizer(Map.of("claims", Map.of("sub", "bench", "email", "bench@code.org", "cognito:groups", "reviewers")));
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource("/admin/applications")
                .withPath("/admin/applications").withQueryStringParameters(new HashMap<>(query)).withRequestContext(context);
    }

    /** Writes {@code size} applications (25 per BatchWriteItem) and their counters. */
    static void load(DynamoDbClient dynamo, Env env, int size) {
        String table = env.require("APPLICATIONS_TABLE");
        Random random = new Random(42);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, Long> counts = new HashMap<>();
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int i = 0; i < size; i++) {
            ApplicationItem item = application(i, random, base);
            counts.merge(Counters.APPLICATIONS_ALL + "|" + item.getStatus().wire(), 1L, Long::sum);
            counts.merge(Counters.applicationsInRegion(item.getRegionKey()) + "|" + item.getStatus().wire(), 1L, Long::sum);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(ApplicationItem.SCHEMA.itemToMap(item, true)).build()).build());
            if (batch.size() == 25 || i == size - 1) {
                write(dynamo, table, batch);
                batch = new ArrayList<>(25);
            }
        }
        String countersTable = env.require("COUNTERS_TABLE");
        List<WriteRequest> counterWrites = new ArrayList<>();
        counts.forEach((scopeAndKey, n) -> {
            String[] parts = scopeAndKey.split("\\|");
            counterWrites.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "scope", AttributeValue.fromS(parts[0]), "key", AttributeValue.fromS(parts[1]),
                    "n", AttributeValue.fromN(Long.toString(n)))).build()).build());
        });
        for (int i = 0; i < counterWrites.size(); i += 25) {
            write(dynamo, countersTable, counterWrites.subList(i, Math.min(i + 25, counterWrites.size())));
        }
    }

    private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        while (!pending.isEmpty()) {
            BatchWriteItemResponse response = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static ApplicationItem application(int i, Random random, Instant base) {
        ApplicationStatus status = weightedStatus(random.nextInt(100));
        String region = "region-" + String.format("%02d", random.nextInt(REGIONS));
        String name = (i % 1000 == 7 ? "Crescent " : "") + WORDS[random.nextInt(WORDS.length)] + " "
                + KINDS[random.nextInt(KINDS.length)] + " " + i;
        String first = "Pat" + (i % 97);
        String last = "Lee" + (i % 89);
        String email = "pm" + i + "@example.org";
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("regionId", region);
        form.put("organization", Map.of("name", name, "type", "nonprofit",
                "address", Map.of("street", i + " Main St", "city", "Springfield", "state", "LA", "zip", "70112"),
                "phone", "504-555-0100"));
        form.put("programManager", Map.of("firstName", first, "lastName", last, "email", email, "phone", "504-555-0101"));
        form.put("programs", List.of("csp", "csd"));
        form.put("districtRelationships", "We work with twelve districts across the region. ".repeat(4));
        form.put("pdExperience", "Ten years of summer workshops and academic-year follow-ups. ".repeat(4));
        form.put("fundingPlan", "Foundation grants and district contracts. ".repeat(4));
        form.put("agreedToTerms", true);
        ApplicationItem item = new ApplicationItem();
        item.setId(String.format("bench-%08d", i));
        item.setRegionId(region);
        item.setRegionName("Region " + region);
        item.setRegionKey(region);
        item.moveTo(status);
        String at = Timestamps.format(base.plusSeconds(i * 60L));
        item.setSubmittedAt(at);
        item.setUpdatedAt(at);
        item.setVersion(1L);
        item.setOrganizationName(name);
        item.setOrganizationType("nonprofit");
        item.setState("LA");
        item.setContactName(first + " " + last);
        item.setContactEmail(email);
        item.setSearch(ApplicationItem.searchText(name, first + " " + last, email, "Springfield"));
        item.setPayload(Json.write(form));
        item.setScoreKey(ApplicationItem.scoreKey((long) (i * 7919 % 1001), at));
        return item;
    }

    private static ApplicationStatus weightedStatus(int roll) {
        if (roll < 30) return ApplicationStatus.UNREVIEWED;
        if (roll < 50) return ApplicationStatus.PENDING;
        if (roll < 60) return ApplicationStatus.INTERVIEW;
        if (roll < 70) return ApplicationStatus.ACCEPTED;
        if (roll < 85) return ApplicationStatus.DECLINED;
        if (roll < 95) return ApplicationStatus.WAITLISTED;
        return ApplicationStatus.WITHDRAWN;
    }

    private ReviewBench() {
    }
}
