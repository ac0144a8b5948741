package org.code.plp.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.code.plp.local.TestRegions;
import org.code.plp.applicant.AccessTokens;
import org.code.plp.applicant.DraftService;
import org.code.plp.applicant.DraftsHandler;
import org.code.plp.retention.ExpiryHandler;
import org.code.plp.applications.SubmitApplicationHandler;
import org.code.plp.interest.SubmitInterestHandler;
import org.code.plp.local.ApiEvents;
import org.code.plp.local.LocalDynamo;
import org.code.plp.local.LocalLambdaContext;
import org.code.plp.local.LocalTables;
import org.code.plp.local.SeedLoader;
import org.code.plp.local.TemplateModel;
import org.code.plp.notify.EmailFeedbackHandler;
import org.code.plp.outbox.EmailType;
import org.code.plp.local.ses.LocalSes;
import org.code.plp.platform.Env;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;
import org.code.plp.regions.RegionItem;
import org.code.plp.review.ReviewerWorkHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Least privilege that matches the code. Each function of template.yaml runs on DynamoDB Local and
 * the local SES through SDK clients that record every permission their requests need
 * ({@link AccessRecorder}): its SnapStart priming, then a request for every route it serves (the
 * bodies below where a route needs one to get past validation, a bare one for any other route), or
 * its stream record / schedule / SES event. What it needed must equal what its policy allows ({@link FunctionPolicy}):
 * a call the policy lacks fails in AWS; a grant nothing uses is privilege to remove.
 */
class LeastPrivilegeTest {
    /** Grants a run cannot reach on purpose, with the path that needs them in AWS. */
    private static final Map<String, Set<String>> UNREACHED = Map.of(
            "NotifyRedriveFunction", Set.of(
                    // OutboxLeases.claim reads the item back when a concurrent sender won the claim.
                    "dynamodb:GetItem OutboxTable"));

    private static TemplateModel template;
    private static LocalDynamo dynamo;
    private static LocalSes ses;
    private static Map<String, String> overrides;
    private static Fixture fixture;

    /**
     * Data every run can use: a region seeking a partner, an application in it assigned to the staff caller,
     * that application's confirmation email (pending); another application for the reviewer's own work (scores,
     * assignment, recusal), as the first is decided; one to decide and undo; a region of its own to fill and
     * close out (its other application is declined by the close-out); the applicant's links (raw tokens, as
     * the emails carry them): the status of an application to view and withdraw, the status of another to
     * correct and its new address's confirmation; a draft to resume, save and discard, and one the reminder
     * finds due.
     */
    record Fixture(String regionId, String applicationId, String confirmationOutboxId, String scoredId, String undoneId,
                   String closedOutRegionId, String closedOutPartnerId, String statusToken, String contactToken,
                   String emailChangeToken, String resumeToken) {
    }

    /** The address whose application and interest form the privacy routes preview, export and erase. */
    private static final String ERASED = "erase-me@example.org";

    @BeforeAll
    static void start() throws IOException {
        template = TemplateModel.load();
        dynamo = LocalDynamo.server(freePort());
        ses = new LocalSes(Clock.systemUTC());
        ses.start(freePort());
        overrides = Map.of("AWS_REGION", "us-east-1", "DYNAMODB_ENDPOINT", dynamo.endpoint().orElseThrow().toString(),
                "SES_ENDPOINT", ses.endpoint().toString());
        LocalTables.createAll(dynamo.client(), template);
        Platform plain = new Platform(env(template.globalEnv()), dynamo.client(), () -> fail("no mail while seeding"), Clock.systemUTC());
        SeedLoader.load(plain);
        RegionItem region = region(plain, "least-privilege");
        APIGatewayProxyResponseEvent created = new SubmitApplicationHandler(plain)
                .handleRequest(ApiEvents.post("/applications", form(region.getRegionId())), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = Json.read(created.getBody()).get("id").textValue();
        // The applicant's confirmation (not the staff alert): sending it mints the status link.
        String confirmation = dynamo.client().scanPaginator(r -> r.tableName(template.tableName("OutboxTable"))).items().stream()
                .filter(item -> EmailType.CONFIRMATION.id().equals(item.get("type").s()))
                .map(item -> item.get("outboxId").s()).findFirst().orElseThrow();
        APIGatewayProxyResponseEvent assigned = new ReviewerWorkHandler(plain).handleRequest(staff(ApiEvents.post(
                "/admin/applications/" + id + "/assignees", Map.of()), "/admin/applications/{id}/assignees", Map.of("id", id)), null);
        assertEquals(201, assigned.getStatusCode(), assigned.getBody());

        AccessTokens tokens = new AccessTokens(plain);
        Instant week = Instant.now().plus(Duration.ofDays(7));
        String withdrawn = submit(plain, form(region.getRegionId(), "withdraw@example.org"));
        String corrected = submit(plain, form(region.getRegionId(), "correct@example.org"));
        // The erased address's application carries an Idempotency-Key and the address has a draft: erasure reaches both.
        APIGatewayProxyRequestEvent erasedApplication = ApiEvents.post("/applications", form(region.getRegionId(), ERASED));
        Map<String, String> headers = new java.util.HashMap<>(erasedApplication.getHeaders() == null ? Map.of() : erasedApplication.getHeaders());
        headers.put("Idempotency-Key", "least-privilege-erased-application");
        erasedApplication.setHeaders(headers);
        APIGatewayProxyResponseEvent erasedCreated = new SubmitApplicationHandler(plain).handleRequest(erasedApplication, null);
        assertEquals(201, erasedCreated.getStatusCode(), erasedCreated.getBody());
        // ... and a pending email change whose token holds a new address: erasure deletes the application's links.
        tokens.mint(new AccessTokens.Grant(AccessTokens.Purpose.EMAIL_CHANGE,
                Json.read(erasedCreated.getBody()).get("id").asText(), "erased-new@example.org", week));
        APIGatewayProxyResponseEvent erasedDraft = new DraftsHandler(plain).handleRequest(ApiEvents.post("/drafts",
                Map.of("email", ERASED, "form", Map.of("fundingPlan", "Grants."))), null);
        assertEquals(201, erasedDraft.getStatusCode(), erasedDraft.getBody());
        APIGatewayProxyResponseEvent interest = new SubmitInterestHandler(plain).handleRequest(ApiEvents.post("/interest",
                Map.of("email", ERASED, "zip", "74103", "role", "teacher", "city", "Tulsa", "state", "OK")), null);
        assertEquals(201, interest.getStatusCode(), interest.getBody());
        String draft = saveDraft(plain);
        saveDraft(plain); // the reminder's: the drafts run discards the other
        String closedOut = region(plain, "least-privilege-close-out").getRegionId();
        String partner = submit(plain, form(closedOut, "partner@example.org"));
        submit(plain, form(closedOut, "other@example.org"));
        fixture = new Fixture(region.getRegionId(), id, confirmation, submit(plain, form(region.getRegionId(), "scored@example.org")),
                submit(plain, form(region.getRegionId(), "undone@example.org")), closedOut, partner,
                tokens.mint(new AccessTokens.Grant(AccessTokens.Purpose.STATUS, withdrawn, null, week)),
                tokens.mint(new AccessTokens.Grant(AccessTokens.Purpose.STATUS, corrected, null, week)),
                tokens.mint(new AccessTokens.Grant(AccessTokens.Purpose.EMAIL_CHANGE, corrected, "corrected@example.org", week)),
                tokens.mint(new AccessTokens.Grant(AccessTokens.Purpose.RESUME, draft, null, week)));
    }

    private static RegionItem region(Platform platform, String id) {
        RegionItem region = TestRegions.seeking(id, "Least Privilege " + id);
        region.setCity("Tulsa");
        region.setState("OK");
        return TestRegions.store(platform, region);
    }

    private static String submit(Platform platform, Map<String, Object> form) {
        APIGatewayProxyResponseEvent created = new SubmitApplicationHandler(platform).handleRequest(ApiEvents.post("/applications", form), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        return Json.read(created.getBody()).get("id").textValue();
    }

    private static String saveDraft(Platform platform) {
        APIGatewayProxyResponseEvent saved = new DraftsHandler(platform).handleRequest(ApiEvents.post("/drafts",
                Map.of("email", "draft@example.org", "form", Map.of("fundingPlan", "Grants."))), null);
        assertEquals(201, saved.getStatusCode(), saved.getBody());
        return Json.read(saved.getBody()).get("draftId").textValue();
    }

    @AfterAll
    static void stop() {
        if (ses != null) {
            ses.stop();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    static Stream<String> functions() {
        return TemplateModel.load().functions().stream().map(TemplateModel.Function::logicalId);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void itsPolicyAllowsExactlyWhatItsCodeCalls(String functionId) throws Exception {
        TemplateModel.Function function = template.function(functionId);
        Env env = env(function.env());
        AccessRecorder recorder = new AccessRecorder(template, env.asMap());
        Clock clock = switch (functionId) {
            case "NotifyRedriveFunction" -> Clock.offset(Clock.systemUTC(), Duration.ofDays(1)); // every email is overdue
            // The fixture's drafts are owed their reminder (3 days before they expire) and not yet expired.
            case "DraftReminderFunction" -> Clock.offset(Clock.systemUTC(), DraftService.LIFETIME.minus(Duration.ofDays(2)));
            default -> Clock.systemUTC();
        };
        Platform platform = new Platform(env, recordingDynamo(recorder), () -> recordingSes(recorder), clock);
        Object handler = Class.forName(function.handlerClass()).getConstructor(Platform.class).newInstance(platform);

        Priming priming = (Priming) handler.getClass().getMethod("priming").invoke(handler);
        assertNotNull(priming, functionId + " has no priming hook");
        priming.prime(); // throws when it reads what the function may not, or breaks
        run(functionId, handler);

        Set<String> needed = recorder.needed();
        Set<String> allowed = FunctionPolicy.allowed(template, functionId);
        Set<String> denied = new TreeSet<>(needed);
        denied.removeAll(allowed);
        Set<String> unused = new TreeSet<>(allowed);
        unused.removeAll(needed);
        unused.removeAll(UNREACHED.getOrDefault(functionId, Set.of()));
        assertEquals(Set.of(), denied, functionId + " calls what its policy in template.yaml does not allow");
        assertEquals(Set.of(), unused, functionId + "'s policy allows what its code never calls (needed: " + needed + ")");
    }

    /** Every route of the function (the API), or its stream record, or its schedule. */
    private static void run(String functionId, Object handler) {
        if (functionId.equals("NotifyFunction")) {
            @SuppressWarnings("unchecked")
            var notify = (RequestHandler<DynamodbEvent, Object>) handler;
            DynamodbEvent batch = insertOf(fixture.confirmationOutboxId());
            notify.handleRequest(batch, context(functionId));
            notify.handleRequest(batch, context(functionId)); // redelivered: already sent, read back, not sent again
            return;
        }
        if (handler instanceof ExpiryHandler expiry) {
            expiry.handleRequest(ttlDeleteOf(fixture.closedOutPartnerId()), context(functionId));
            return;
        }
        if (handler instanceof EmailFeedbackHandler feedback) {
            feedback.handleRequest(bounceOf(fixture.confirmationOutboxId()), context(functionId));
            return;
        }
        if (template.scheduleEvents().stream().anyMatch(e -> e.functionId().equals(functionId))) {
            @SuppressWarnings("unchecked")
            var scheduled = (RequestHandler<ScheduledEvent, Object>) handler;
            scheduled.handleRequest(new ScheduledEvent(), context(functionId));
            return;
        }
        @SuppressWarnings("unchecked")
        var api = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>) handler;
        List<TemplateModel.ApiRoute> routes = template.apiRoutes().stream().filter(r -> r.functionId().equals(functionId)).toList();
        assertTrue(!routes.isEmpty(), functionId + ": no route, stream or schedule this test knows how to run");
        for (TemplateModel.ApiRoute route : routes) {
            for (APIGatewayProxyRequestEvent request : requests(route)) {
                APIGatewayProxyResponseEvent response = api.handleRequest(request, context(functionId));
                assertTrue(response.getStatusCode() < 500, route + " " + request.getQueryStringParameters() + " answered "
                        + response.getStatusCode() + " " + response.getBody());
            }
        }
    }

    /** The requests that take a route down its reading and writing paths. */
    private static List<APIGatewayProxyRequestEvent> requests(TemplateModel.ApiRoute route) {
        String id = route.functionId().equals("ReviewerWorkFunction") ? fixture.scoredId() : fixture.applicationId();
        String region = fixture.regionId();
        List<APIGatewayProxyRequestEvent> requests = new ArrayList<>();
        Consumer<APIGatewayProxyRequestEvent> add = requests::add;
        switch (route.method() + " " + route.path()) {
            case "POST /applications" -> {
                add.accept(ApiEvents.post("/applications", form(region), "Idempotency-Key", "least-privilege-1"));
                add.accept(ApiEvents.post("/applications", form(region), "Idempotency-Key", "least-privilege-1"));
            }
            case "POST /interest" -> {
                Map<String, Object> interest = Map.of("email", "t@example.org", "zip", "74103", "role", "teacher",
                        "city", "Tulsa", "state", "OK");
                add.accept(ApiEvents.post("/interest", interest, "Idempotency-Key", "least-privilege-2"));
                add.accept(ApiEvents.post("/interest", interest, "Idempotency-Key", "least-privilege-2"));
            }
            case "GET /regions/lookup" -> {
                add.accept(query(ApiEvents.get(route.path()), "zip", "74103"));
                add.accept(query(ApiEvents.get(route.path()), "city", "Tulsa", "state", "OK"));
            }
            case "GET /pins" -> {
                add.accept(ApiEvents.get("/pins"));
                add.accept(query(ApiEvents.get("/pins"), "status", "closed"));
            }
            case "PUT /admin/pins/{regionId}" -> add.accept(staff(ApiEvents.request("PUT", "/admin/pins/lp-put", Json.read("""
                    {"city":"Tulsa","state":"OK","lat":36.154,"lng":-95.9928,"status":"seeking_partner",
                     "populationServed":{"districts":9,"schools":180,"teachers":4100,"students":76000},
                     "programsSought":["csp"],"summary":"s","description":"d"}""")), route, Map.of("regionId", "lp-put")));
            case "POST /admin/pins" -> add.accept(staff(ApiEvents.post("/admin/pins",
                    "regionId,city,state,lat,lng,districts,schools,teachers,students,programsSought,summary\r\n"
                            + "lp-import,Wichita,KS,37.6872,-97.3301,20,230,5600,92000,csp,Imported\r\n",
                    "Content-Type", "text/csv; charset=utf-8"), route, Map.of()));
            case "GET /status" -> add.accept(bearer(ApiEvents.get(route.path()), fixture.statusToken()));
            case "POST /status/withdraw" ->
                    add.accept(bearer(ApiEvents.post(route.path(), Map.of("confirm", true)), fixture.statusToken()));
            case "PUT /status/contact" -> add.accept(bearer(ApiEvents.request("PUT", route.path(), Map.of("firstName", "Ada",
                    "lastName", "Byron", "phone", "918-555-0102", "email", "corrected@example.org")), fixture.contactToken()));
            case "POST /status/email-confirmation" ->
                    add.accept(ApiEvents.post(route.path(), Map.of("token", fixture.emailChangeToken())));
            case "POST /status/link" -> {
                add.accept(ApiEvents.post(route.path(), Map.of("email", "withdraw@example.org")));
                add.accept(ApiEvents.post(route.path(), Map.of("email", "nobody@example.org")));
            }
            case "POST /drafts" -> add.accept(ApiEvents.post(route.path(),
                    Map.of("email", "draft@example.org", "form", Map.of("pdExperience", "Some."))));
            case "GET /drafts" -> add.accept(bearer(ApiEvents.get(route.path()), fixture.resumeToken()));
            case "PUT /drafts" -> add.accept(bearer(ApiEvents.request("PUT", route.path(),
                    Map.of("form", Map.of("fundingPlan", "Grants and fees."))), fixture.resumeToken()));
            case "DELETE /drafts" -> add.accept(bearer(ApiEvents.request("DELETE", route.path(), null), fixture.resumeToken()));
            case "POST /admin/applications/{id}/assignees" -> add.accept(staff(ApiEvents.post(path(route, id),
                    Map.of("email", "reviewer@code.org")), route, Map.of("id", id)));
            case "DELETE /admin/applications/{id}/assignees/{email}" -> add.accept(staff(ApiEvents.request("DELETE",
                    path(route, id).replace("{email}", "reviewer@code.org"), null), route, Map.of("id", id, "email", "reviewer@code.org")));
            case "POST /admin/applications/{id}/recusal" -> add.accept(staff(ApiEvents.post(path(route, id),
                    Map.of("reason", "I know them.")), route, Map.of("id", id)));
            case "POST /admin/applications/{id}/duplicate-dismissal" ->
                    add.accept(staff(ApiEvents.post(path(route, id), Map.of()), route, Map.of("id", id)));
            case "POST /admin/erasure/preview" -> add.accept(staff(ApiEvents.post(route.path(), Map.of("email", ERASED)), route, Map.of()));
            case "POST /admin/erasure" ->
                    add.accept(staff(ApiEvents.post(route.path(), Map.of("email", ERASED, "confirm", true)), route, Map.of()));
            case "GET /admin/subject-access" ->
                    add.accept(staff(query(ApiEvents.get(route.path()), "email", "correct@example.org"), route, Map.of()));
            case "GET /admin/applications" -> {
                add.accept(staff(query(ApiEvents.get(route.path()), "limit", "1"), route, Map.of()));
                add.accept(staff(query(ApiEvents.get(route.path()), "assigned", "me"), route, Map.of()));
                add.accept(staff(query(ApiEvents.get(route.path()), "sort", "score"), route, Map.of()));
                add.accept(staff(query(ApiEvents.get(route.path()), "sort", "score", "status", "unreviewed"), route, Map.of()));
                add.accept(staff(query(ApiEvents.get(route.path()), "sort", "score", "region", region), route, Map.of()));
                add.accept(staff(query(ApiEvents.get(route.path()), "sort", "score", "status", "unreviewed", "region", region),
                        route, Map.of()));
                add.accept(staff(query(ApiEvents.get(route.path()), "status", "unreviewed", "region", region, "q", "stem"), route, Map.of()));
                add.accept(staff(query(ApiEvents.get(route.path()), "region", region), route, Map.of()));
                add.accept(staff(query(ApiEvents.get(route.path()), "status", "unreviewed"), route, Map.of()));
            }
            case "GET /admin/interest" -> {
                add.accept(staff(ApiEvents.get(route.path()), route, Map.of()));
                add.accept(staff(query(ApiEvents.get(route.path()), "state", "OK"), route, Map.of()));
                add.accept(staff(query(ApiEvents.get(route.path()), "region", region), route, Map.of()));
            }
            case "POST /admin/applications/{id}/notes" ->
                    add.accept(staff(ApiEvents.post(path(route, id), Map.of("text", "hello")), route, Map.of("id", id)));
            case "PUT /admin/applications/{id}/scores" ->
                    add.accept(staff(ApiEvents.request("PUT", path(route, id), Map.of("fundingPlan", "yes")), route, Map.of("id", id)));
            case "GET /admin/applications/{id}/decision-preview" -> {
                add.accept(staff(query(ApiEvents.get(path(route, id)), "status", "accepted"), route, Map.of("id", id)));
                add.accept(staff(query(ApiEvents.get(path(route, id)), "status", "declined"), route, Map.of("id", id)));
            }
            case "POST /admin/applications/{id}/undo" -> {
                // A held decision first (through the same function), then its undo.
                String undone = fixture.undoneId();
                add.accept(staff(ApiEvents.post(decisionPath(undone), Map.of("status", "declined", "expectedVersion", 1)),
                        DECISION, Map.of("id", undone)));
                add.accept(staff(ApiEvents.post(route.path().replace("{id}", undone), Map.of("expectedVersion", 2)),
                        route, Map.of("id", undone)));
            }
            case "POST /admin/regions/{id}/close-out" -> {
                // The region's partner accepted first (through the same function), then the others closed out.
                String partner = fixture.closedOutPartnerId();
                add.accept(staff(ApiEvents.post(decisionPath(partner), Map.of("status", "pending", "expectedVersion", 1)),
                        DECISION, Map.of("id", partner)));
                add.accept(staff(ApiEvents.post(decisionPath(partner), Map.of("status", "accepted", "expectedVersion", 2)),
                        DECISION, Map.of("id", partner)));
                String closedOut = fixture.closedOutRegionId();
                add.accept(staff(ApiEvents.post(route.path().replace("{id}", closedOut), Map.of("status", "declined")),
                        route, Map.of("id", closedOut)));
            }
            case "POST /admin/applications/{id}/decision" -> {
                add.accept(staff(ApiEvents.post(path(route, id), Map.of("status", "pending", "expectedVersion", 1)), route, Map.of("id", id)));
                add.accept(staff(ApiEvents.post(path(route, id), Map.of("status", "accepted", "expectedVersion", 2)), route, Map.of("id", id)));
            }
            default -> {
                // Any other route: its path parameters filled from the fixture, no body.
                Map<String, String> parameters = new HashMap<>();
                String path = route.path();
                for (var parameter : Map.of("id", id, "regionId", region).entrySet()) {
                    if (path.contains("{" + parameter.getKey() + "}")) {
                        parameters.put(parameter.getKey(), parameter.getValue());
                        path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
                    }
                }
                APIGatewayProxyRequestEvent request = ApiEvents.request(route.method(), path, null).withResource(route.path());
                add.accept(route.staffOnly() ? staff(request, route, parameters) : request.withPathParameters(parameters));
            }
        }
        return requests;
    }

    private static final String DECISION = "/admin/applications/{id}/decision";

    private static String decisionPath(String id) {
        return DECISION.replace("{id}", id);
    }

    private static String path(TemplateModel.ApiRoute route, String id) {
        return route.path().replace("{id}", id);
    }

    private static APIGatewayProxyRequestEvent query(APIGatewayProxyRequestEvent request, String... pairs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return request.withQueryStringParameters(parameters);
    }

    /** An admin's request through the Cognito authorizer, on the route's resource with its path parameters. */
    private static APIGatewayProxyRequestEvent staff(APIGatewayProxyRequestEvent request, TemplateModel.ApiRoute route,
                                                     Map<String, String> pathParameters) {
        return staff(request, route.path(), pathParameters);
    }

    private static APIGatewayProxyRequestEvent staff(APIGatewayProxyRequestEvent request, String resource,
                                                     Map<String, String> pathParameters) {
        request.getRequestContext().setAuthorizer(Map.of("claims",
                Map.of("sub", "least-privilege", "email", "admin@code.org", "cognito:groups", "admins")));
        return request.withResource(resource).withPathParameters(pathParameters.isEmpty() ? null : pathParameters);
    }

    /** An applicant's request with the private link's token, as the status and apply pages send it. */
    private static APIGatewayProxyRequestEvent bearer(APIGatewayProxyRequestEvent request, String token) {
        Map<String, String> headers = new HashMap<>(request.getHeaders() == null ? Map.of() : request.getHeaders());
        headers.put("Authorization", "Bearer " + token);
        return request.withHeaders(headers);
    }

    private static DynamodbEvent insertOf(String outboxId) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withKeys(Map.of("outboxId", new AttributeValue().withS(outboxId)))
                .withSequenceNumber("1"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    /**
     * DynamoDB TTL's REMOVE of an application as its stream delivers it (the old image, the service as the
     * user identity); the item itself stays, as nothing here needs it gone.
     */
    private static DynamodbEvent ttlDeleteOf(String applicationId) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = dynamo.client().getItem(r -> r
                .tableName(template.tableName("ApplicationsTable")).consistentRead(true)
                .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(applicationId)))).item();
        Map<String, AttributeValue> old = new java.util.HashMap<>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                old.put(name, new AttributeValue().withS(value.s()));
            } else if (value.n() != null) {
                old.put(name, new AttributeValue().withN(value.n()));
            }
        });
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("REMOVE");
        record.setEventSourceARN("arn:aws:dynamodb:us-east-1:123456789012:table/" + template.tableName("ApplicationsTable")
                + "/stream/2026-12-03T00:00:00.000");
        record.setUserIdentity(new com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity()
                .withType("Service").withPrincipalId(ExpiryHandler.TTL_PRINCIPAL));
        record.setDynamodb(new StreamRecord().withKeys(Map.of("id", new AttributeValue().withS(applicationId)))
                .withOldImage(old).withSequenceNumber("2"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    /** SES's EventBridge event for a bounce of the email sent for {@code outboxId}. */
    static ScheduledEvent bounceOf(String outboxId) {
        return new ScheduledEvent().withDetailType("Email Bounced").withSource("aws.ses").withDetail(Map.of(
                "eventType", "Bounce",
                "bounce", Map.of("bounceType", "Permanent", "bounceSubType", "General"),
                "mail", Map.of("tags", Map.of("outbox", List.of(outboxId.replace("#", "--"))))));
    }

    private static LocalLambdaContext context(String functionId) {
        return new LocalLambdaContext(functionId, "least-privilege");
    }

    static Map<String, Object> form(String regionId) {
        return form(regionId, "ada@example.org");
    }

    static Map<String, Object> form(String regionId, String email) {
        return Json.MAPPER.convertValue(Json.read("""
                {"regionId":"%s",
                 "organization":{"name":"Least Privilege STEM","type":"nonprofit",
                   "address":{"street":"1 Main St","city":"Tulsa","state":"OK","zip":"74103"},"phone":"918-555-0100"},
                 "programManager":{"firstName":"Ada","lastName":"Lovelace","email":"%s","phone":"918-555-0101"},
                 "programs":["csp"],"districtRelationships":"Nine districts.","pdExperience":"Ten years.",
                 "fundingPlan":"Grants.","agreedToTerms":true}""".formatted(regionId, email)), Map.class);
    }

    private static Env env(Map<String, String> templateEnv) {
        Map<String, String> env = new HashMap<>(templateEnv);
        env.putAll(overrides);
        return new Env(env);
    }

    private static DynamoDbClient recordingDynamo(AccessRecorder recorder) {
        return DynamoDbClient.builder().endpointOverride(dynamo.endpoint().orElseThrow()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build();
    }

    private static SesV2Client recordingSes(AccessRecorder recorder) {
        return SesV2Client.builder().endpointOverride(ses.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
