package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB unreachable: a local cloud of its own whose every DynamoDB connection goes through a
 * {@link TcpProxy}; cutting the proxy mid-run must give 503 problem+json with Retry-After on every
 * route (never a 500), store nothing by halves, and keep serving pins and lookups from the cache.
 */
class DynamoOutageTest {
    private static LocalDynamo dynamo;
    private static TcpProxy proxy;
    private static LocalCloud cloud;
    private static TestHttp http;
    private static DynamoDbClient direct;
    private static String admin;

    @BeforeAll
    static void start() throws IOException {
        dynamo = LocalDynamo.server(freePort());
        proxy = new TcpProxy(dynamo.endpoint().orElseThrow());
        cloud = LocalCloud.start(LocalCloud.Options.forTests(Map.of("DYNAMODB_ENDPOINT", proxy.uri().toString())));
        http = new TestHttp(cloud.baseUri());
        direct = dynamo.client();
        admin = "Bearer " + cloud.tokens().issue("ada@code.org", List.of("admins"));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ObjectNode interest() {
        return IntakeFixtures.interest("Outage " + TestCloud.uniqueId("city"));
    }

    /** Shaped like a private link's token, so the applicant's routes go on to look it up. */
    private static final String LINK_TOKEN = "A".repeat(43);

    @Test
    void everyRouteAnswers503WithRetryAfterWhileDynamoDbIsCutAndPinsComeFromTheCache() {
        proxy.restore();
        var applied = http.post("/applications", IntakeFixtures.application("new-orleans-la"));
        assertEquals(201, applied.status(), applied.toString());
        String applicationId = applied.json().get("id").asText();
        assertEquals(200, http.get("/pins").status());
        assertEquals(200, http.get("/pins/new-orleans-la").status());
        assertEquals(200, http.get("/regions/lookup?zip=70115").status());
        ObjectNode region = (ObjectNode) Json.read("""
                {"city":"Tulsa","state":"OK","lat":36.154,"lng":-95.9928,"status":"seeking_partner",
                 "populationServed":{"districts":9,"schools":180,"teachers":4100,"students":76000},
                 "programsSought":["csp"],"summary":"Outage","description":"Sample data."}
                """);
        ObjectNode collection = Json.object().put("type", "FeatureCollection");
        ObjectNode feature = collection.putArray("features").addObject().put("type", "Feature").put("id", "outage-import");
        feature.putObject("geometry").put("type", "Point").putArray("coordinates").add(-95.9928).add(36.154);
        feature.set("properties", region.deepCopy().without(List.of("lat", "lng")));
        long interestBefore = count("InterestTable");
        long applicationsBefore = count("ApplicationsTable");

        proxy.cut();
        try {
            for (var route : cloud.template().apiRoutes()) {
                String method = route.method().toUpperCase();
                String path = route.path().replace("{regionId}", "new-orleans-la").replace("{id}", applicationId)
                        .replace("{email}", "reviewer@code.org")
                        + (route.path().equals("/regions/lookup") ? "?zip=70115" : "")
                        + (route.path().equals("/admin/subject-access") ? "?email=someone@example.org" : "")
                        + (route.path().endsWith("/decision-preview") ? "?status=declined" : "");
                Object body = switch (method + " " + route.path()) {
                    case "POST /applications" -> IntakeFixtures.application("new-orleans-la");
                    case "POST /interest" -> interest();
                    case "PUT /admin/pins/{regionId}" -> region;
                    case "POST /admin/pins" -> collection;
                    case "POST /admin/applications/{id}/decision" -> Map.of("status", "interview", "expectedVersion", 1);
                    case "POST /admin/applications/{id}/notes" -> Map.of("text", "Called them.");
                    case "POST /admin/applications/{id}/undo" -> Map.of("expectedVersion", 2);
                    case "POST /admin/regions/{id}/close-out" -> Map.of("status", "declined");
                    case "PUT /admin/applications/{id}/scores" -> Map.of("fundingPlan", "yes");
                    case "POST /admin/applications/{id}/assignees", "POST /admin/applications/{id}/duplicate-dismissal" -> Map.of();
                    case "POST /admin/applications/{id}/recusal" -> Map.of("reason", "A board seat.");
                    case "POST /admin/erasure/preview" -> Map.of("email", "someone@example.org");
                    case "POST /admin/erasure" -> Map.of("email", "someone@example.org", "confirm", true);
                    case "POST /status/withdraw" -> Map.of("confirm", true);
                    case "PUT /status/contact" -> Map.of("firstName", "Ada", "lastName", "Lovelace", "phone", "504-555-0101",
                            "email", "ada@example.org");
                    case "POST /status/email-confirmation" -> Map.of("token", LINK_TOKEN);
                    case "POST /status/link" -> Map.of("email", "ada@example.org");
                    case "POST /drafts" -> Map.of("email", "ada@example.org", "form", Map.of("fundingPlan", "Grants."));
                    case "PUT /drafts" -> Map.of("form", Map.of("fundingPlan", "Grants."));
                    default -> null;
                };
                // The applicant's routes take a private link's token where staff routes take a staff token.
                boolean applicant = route.path().startsWith("/status") || route.path().startsWith("/drafts");
                long started = System.nanoTime();
                var response = http.send(method, path, body, "Authorization", applicant ? "Bearer " + LINK_TOKEN : admin);
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.err.printf("outage: %s %s -> %d in %d ms%n", method, path, response.status(), millis);
                if (route.path().startsWith("/pins") || route.path().startsWith("/regions")) {
                    assertEquals(200, response.status(), path + " from the cache: " + response);
                    continue;
                }
                assertEquals(503, response.status(), method + " " + path + ": " + response);
                assertTrue(response.contentType().startsWith("application/problem+json"), response.toString());
                assertEquals("5", response.header("Retry-After").orElse(""), response.toString());
            }
        } finally {
            proxy.restore();
        }
        assertEquals(interestBefore, count("InterestTable"));
        assertEquals(applicationsBefore, count("ApplicationsTable"));
        var after = http.post("/interest", interest());
        assertEquals(201, after.status(), "works again once DynamoDB is back: " + after);
    }

    @Test
    void submissionsDuringACutAreStoredWholeOrNotAtAll() throws Exception {
        proxy.restore();
        List<ObjectNode> forms = new CopyOnWriteArrayList<>();
        List<TestHttp.Response> answers = new CopyOnWriteArrayList<>();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    while (running.get()) {
                        ObjectNode form = interest();
                        forms.add(form);
                        TestHttp.Response response = http.post("/interest", form);
                        answers.add(response);
                        (response.status() == 201 ? created : unavailable).incrementAndGet();
                    }
                    return null;
                });
            }
            TestCloud.awaitTrue("submissions before the cut", () -> created.get() >= 8);
            proxy.cut();
            TestCloud.awaitTrue("answers during the cut", () -> unavailable.get() >= 8);
            proxy.restore();
            int createdBefore = created.get();
            TestCloud.awaitTrue("submissions after the cut", () -> created.get() >= createdBefore + 8);
        } finally {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            proxy.restore();
        }
        System.err.printf("outage mid-run: %d created, %d unavailable%n", created.get(), unavailable.get());
        for (TestHttp.Response response : answers) {
            assertTrue(response.status() == 201 || response.status() == 503, response.toString());
            if (response.status() == 201) {
                assertWhole(response.json().get("id").asText());
            } else {
                assertEquals("5", response.header("Retry-After").orElse(""), response.toString());
            }
        }
        var stored = direct.query(q -> q.tableName(cloud.template().tableName("InterestTable"))
                .indexName("byState").keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("MT"))));
        var emails = forms.stream().map(form -> form.get("email").asText()).collect(java.util.stream.Collectors.toSet());
        stored.items().stream().filter(item -> emails.contains(item.get("email").s()))
                .forEach(item -> assertWhole(item.get("id").s()));
    }

    /** The interest form and both of its emails, or (asserted by the caller's count) nothing. */
    private static void assertWhole(String interestId) {
        String interest = cloud.template().tableName("InterestTable");
        String outbox = cloud.template().tableName("OutboxTable");
        assertTrue(IntakeFixtures.item(direct, interest, "id", interestId).size() > 0, interestId);
        assertTrue(IntakeFixtures.item(direct, outbox, "outboxId", interestId + "#interest_receipt").size() > 0, interestId);
        assertTrue(IntakeFixtures.item(direct, outbox, "outboxId", interestId + "#interest_staff").size() > 0, interestId);
    }

    private static long count(String logicalId) {
        return direct.scan(s -> s.tableName(cloud.template().tableName(logicalId)).select("COUNT")).count();
    }
}
