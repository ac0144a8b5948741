package org.code.plp.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestRegions;
import org.code.plp.applications.DuplicateKeys;
import org.code.plp.counters.Counters;
import org.code.plp.interest.SubmitInterestHandler;
import org.code.plp.local.ApiEvents;
import org.code.plp.local.LocalLambdaContext;
import org.code.plp.local.TestClock;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.code.plp.local.streams.StreamRecords;
import org.code.plp.platform.Env;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionItem;
import org.code.plp.review.ReviewWorkflowHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Retention: the TTL attribute each write sets or clears, on test clocks, and what follows a TTL delete.
 * DynamoDB Local never expires items, so an expiry is simulated as it would arrive: the item is deleted in
 * DynamoDB Local, its REMOVE record read from the table's stream, and the record given the identity the TTL
 * service puts on its deletes ({@code Service} / {@code dynamodb.amazonaws.com}) before RetentionFunction's
 * handler gets it.
 */
class RetentionTest {
    private static final Instant T = Instant.parse("2032-03-01T09:00:00Z");

    private final TestCloud cloud = TestCloud.shared();
    private final TestHttp http = cloud.http();
    private final String reviewer = cloud.bearer("retention-reviewer@code.org", "reviewers");
    private final String admin = cloud.bearer("retention-admin@code.org", "admins");

    @Test
    void aDecisionSetsTheConfiguredExpiryAnUndoClearsItAndAnInterestFormGetsItsOwn() {
        TestClock now = new TestClock(T);
        var workflow = new ReviewWorkflowHandler(platform("ReviewWorkflowFunction", now,
                Map.of("DECISION_EMAIL_HOLD_MINUTES", "10", "DECIDED_RETENTION_DAYS", "30")));
        String id = apply(region(), "Expiry Org");
        assertFalse(application(id).containsKey("expiresAt"), "an undecided application is kept");

        assertEquals(200, call(workflow, "/admin/applications/" + id + "/decision", Map.of("status", "declined", "expectedVersion", 1)).getStatusCode());
        assertEquals(T.plus(Duration.ofDays(30)).getEpochSecond(), expiresAt(id), "30 days after the decision, in epoch seconds");

        now.set(T.plus(Duration.ofMinutes(2)));
        assertEquals(200, call(workflow, "/admin/applications/" + id + "/undo", Map.of("expectedVersion", 2)).getStatusCode());
        assertFalse(application(id).containsKey("expiresAt"), "undone: back in review, kept");

        assertEquals(200, call(workflow, "/admin/applications/" + id + "/decision", Map.of("status", "pending", "expectedVersion", 3)).getStatusCode());
        assertFalse(application(id).containsKey("expiresAt"), "pending is not decided");
        now.set(T.plus(Duration.ofDays(1)));
        assertEquals(200, call(workflow, "/admin/applications/" + id + "/decision", Map.of("status", "withdrawn", "expectedVersion", 4)).getStatusCode());
        assertEquals(T.plus(Duration.ofDays(31)).getEpochSecond(), expiresAt(id), "withdrawn counts from its own time");

        // The template's default: three years.
        String other = apply(region(), "Default Org");
        var defaults = new ReviewWorkflowHandler(platform("ReviewWorkflowFunction", now, Map.of("DECISION_EMAIL_HOLD_MINUTES", "0")));
        assertEquals(200, call(defaults, "/admin/applications/" + other + "/decision", Map.of("status", "declined", "expectedVersion", 1)).getStatusCode());
        assertEquals(now.instant().plus(Duration.ofDays(1095)).getEpochSecond(), expiresAt(other));

        var interest = new SubmitInterestHandler(platform("SubmitInterestFunction", now, Map.of("INTEREST_RETENTION_DAYS", "400")));
        var created = interest.handleRequest(ApiEvents.post("/interest", Map.of("email", "ttl@example.org", "zip", "59601", "role", "teacher")),
                new LocalLambdaContext("SubmitInterestFunction", "retention"));
        assertEquals(201, created.getStatusCode(), created.getBody());
        String form = ApiEvents.json(created).get("id").asText();
        var stored = item("InterestTable", form);
        assertEquals(now.instant().plus(Duration.ofDays(400)).getEpochSecond(), Long.parseLong(stored.get("expiresAt").n()));
    }

    @Test
    void anExpiredApplicationIsCountedOutOnceAndItsLogAndEmailsGo() {
        String region = region();
        String org = TestCloud.uniqueId("Expired Org");
        String id = apply(region, org);
        var decided = http.post("/admin/applications/" + id + "/decision", Map.of("status", "declined", "expectedVersion", 1),
                "Authorization", reviewer);
        assertEquals(200, decided.status(), decided.toString());
        assertEquals(201, http.post("/admin/applications/" + id + "/notes", Map.of("text", "Kept until it expires."),
                "Authorization", reviewer).status());
        Map<String, AttributeValue> before = application(id);
        String emailKey = before.get("emailKey").s();
        String orgKey = before.get("orgKey").s();
        Map<String, Long> regionCounts = counters().read(Counters.applicationsInRegion(region));
        assertEquals(Map.of("unreviewed", 0L, "declined", 1L), regionCounts);
        assertEquals(1L, count(DuplicateKeys.EMAIL_SCOPE, emailKey));
        assertEquals(1L, count(DuplicateKeys.ORG_SCOPE, orgKey));
        assertTrue(logEntries(id) >= 3, "submission, decision, note");

        DynamodbEvent expired = ttlDelete("ApplicationsTable", id);
        var handler = new ExpiryHandler(cloud.platform("RetentionFunction"));
        assertEquals(List.of(), handler.handleRequest(expired, null).getBatchItemFailures());

        assertEquals(Map.of("unreviewed", 0L, "declined", 0L), counters().read(Counters.applicationsInRegion(region)));
        assertEquals(0L, count(DuplicateKeys.EMAIL_SCOPE, emailKey));
        assertEquals(0L, count(DuplicateKeys.ORG_SCOPE, orgKey));
        assertEquals(0, logEntries(id), "the status log, notes and sheets go with it");
        for (String email : List.of(id + "#confirmation", id + "#new_application", id + "#declined#v2")) {
            assertTrue(cloud.dynamo().getItem(r -> r.tableName(cloud.table("OutboxTable")).consistentRead(true)
                    .key(Map.of("outboxId", AttributeValue.fromS(email)))).item().isEmpty(), email);
        }

        handler.handleRequest(expired, null);
        assertEquals(0L, counters().read(Counters.applicationsInRegion(region)).get("declined"), "a record delivered again counts once");
    }

    @Test
    void aDeleteThatIsNotTheTtlServiceChangesNoCounter() {
        String region = region();
        String id = apply(region, TestCloud.uniqueId("Deleted Org"));
        DynamodbEvent deleted = removeRecord("ApplicationsTable", id);
        new ExpiryHandler(cloud.platform("RetentionFunction")).handleRequest(deleted, null);
        assertEquals(Map.of("unreviewed", 1L), counters().read(Counters.applicationsInRegion(region)));
    }

    @Test
    void expiredInterestFormsLeaveTheirStateAndCityCountsErasedOnesToo() {
        String city = "Ttlville" + TestCloud.uniqueId("c").replaceAll("[^a-z0-9]", "");
        String cityKey = Counters.interestCityKey("MT", city);
        String plain = interest(city, "plain-" + city + "@example.org");
        String erased = interest(city, "erased-" + city + "@example.org");
        assertEquals(2L, count(Counters.INTEREST_BY_CITY, cityKey));
        long state = count(Counters.INTEREST_BY_STATE, "MT");
        var erasure = http.post("/admin/erasure", Map.of("email", "erased-" + city + "@example.org", "confirm", true), "Authorization", admin);
        assertEquals(200, erasure.status(), erasure.toString());
        assertFalse(item("InterestTable", erased).containsKey("city"), "erasure took the city off the form");

        var handler = new ExpiryHandler(cloud.platform("RetentionFunction"));
        assertEquals(List.of(), handler.handleRequest(ttlDelete("InterestTable", plain), null).getBatchItemFailures());
        assertEquals(1L, count(Counters.INTEREST_BY_CITY, cityKey));
        assertEquals(List.of(), handler.handleRequest(ttlDelete("InterestTable", erased), null).getBatchItemFailures());
        assertEquals(0L, count(Counters.INTEREST_BY_CITY, cityKey), "the erased form is counted out by the key it kept");
        assertEquals(state - 2, count(Counters.INTEREST_BY_STATE, "MT"));
    }

    // ---------------------------------------------------------------- helpers

    /** The item is deleted in DynamoDB Local; its REMOVE record, as the stream has it, marked as the TTL service's. */
    private DynamodbEvent ttlDelete(String table, String id) {
        DynamodbEvent event = removeRecord(table, id);
        event.getRecords().forEach(r -> r.setUserIdentity(new Identity().withType("Service").withPrincipalId(ExpiryHandler.TTL_PRINCIPAL)));
        return event;
    }

    private DynamodbEvent removeRecord(String table, String id) {
        String name = cloud.table(table);
        cloud.dynamo().deleteItem(r -> r.tableName(name).key(Map.of("id", AttributeValue.fromS(id))));
        String streamArn = cloud.dynamo().describeTable(r -> r.tableName(name)).table().latestStreamArn();
        var streams = cloud.dynamoStreams();
        List<Record> found = new ArrayList<>();
        for (var shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String at = iterator;
                var page = streams.getRecords(r -> r.shardIterator(at));
                page.records().stream().filter(rec -> rec.eventNameAsString().equals("REMOVE")
                        && id.equals(rec.dynamodb().keys().get("id").s())).forEach(found::add);
                if (page.records().isEmpty()) {
                    break;
                }
                iterator = page.nextShardIterator();
            }
        }
        assertEquals(1, found.size(), "one REMOVE record for " + id);
        assertTrue(found.get(0).dynamodb().hasOldImage(), "the stream carries the old image");
        return StreamRecords.event(found, streamArn);
    }

    private Platform platform(String function, TestClock now, Map<String, String> overrides) {
        Platform base = cloud.platform(function);
        Map<String, String> env = new HashMap<>(base.env().asMap());
        env.putAll(overrides);
        return new Platform(new Env(env), base.dynamo(), base::ses, now);
    }

    private APIGatewayProxyResponseEvent call(ReviewWorkflowHandler handler, String path, Map<String, Object> body) {
        var event = ApiEvents.post(path, body);
        event.setResource(null);
        event.getRequestContext().setAuthorizer(Map.of("claims",
                Map.of("sub", "retention-reviewer", "email", "retention-reviewer@code.org", "cognito:groups", "reviewers")));
        var response = handler.handleRequest(event, new LocalLambdaContext("ReviewWorkflowFunction", "retention"));
        assertTrue(response.getStatusCode() < 300, response.getBody());
        return response;
    }

    private String region() {
        String id = TestCloud.uniqueId("ttl");
        RegionItem region = TestRegions.seeking(id, "Retention " + id);
        region.setCity("Helena");
        TestRegions.store(cloud.platform(), region);
        return id;
    }

    private String apply(String region, String organization) {
        String tag = organization.toLowerCase().replaceAll("[^a-z0-9]", "");
        Map<String, Object> form = Map.of("regionId", region,
                "organization", Map.of("name", organization, "type", "nonprofit",
                        "address", Map.of("street", "1 Last Chance Gulch", "city", "Helena", "state", "MT", "zip", "59601"),
                        "phone", "406-555-0100"),
                "programManager", Map.of("firstName", "Ada", "lastName", "Expiry", "email", tag + "@example.org", "phone", "406-555-0101"),
                "programs", List.of("csp"), "districtRelationships", "Twelve districts.", "pdExperience", "Ten years.",
                "fundingPlan", "Grants.", "agreedToTerms", true);
        var created = http.post("/applications", form);
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").asText();
    }

    private String interest(String city, String email) {
        var created = http.post("/interest", Map.of("email", email, "zip", "59601", "role", "teacher", "city", city, "state", "MT"));
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").asText();
    }

    private Map<String, AttributeValue> application(String id) {
        return item("ApplicationsTable", id);
    }

    private Map<String, AttributeValue> item(String table, String id) {
        return cloud.dynamo().getItem(r -> r.tableName(cloud.table(table)).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS(id)))).item();
    }

    private long expiresAt(String id) {
        return Long.parseLong(application(id).get("expiresAt").n());
    }

    private Counters counters() {
        return new Counters(cloud.platform());
    }

    private long count(String scope, String key) {
        return counters().readMany(List.of(new Counters.Key(scope, key))).getOrDefault(new Counters.Key(scope, key), 0L);
    }

    private int logEntries(String id) {
        return cloud.dynamo().query(QueryRequest.builder().tableName(cloud.table("ApplicationLogTable")).consistentRead(true)
                .keyConditionExpression("applicationId = :id").expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id)))
                .build()).count();
    }
}
