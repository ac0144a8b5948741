package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.code.plp.applications.SubmitApplicationHandler;
import org.code.plp.interest.SubmitInterestHandler;
import org.code.plp.local.LocalDynamo;
import org.code.plp.local.LocalTables;
import org.code.plp.local.TemplateModel;
import org.code.plp.platform.Env;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every review route, run through its handler on a DynamoDB client that records the name of each
 * operation it sends: reads are Query and GetItem, writes are transactions and updates, never a Scan.
 */
class NoScanTest {
    // BatchGetItem: the regions of one queue page (keys known), for "region filled".
    private static final Set<String> ALLOWED = Set.of("Query", "GetItem", "BatchGetItem", "TransactWriteItems", "UpdateItem", "PutItem");

    /** Records the operation name of every request the client sends. */
    static final class OperationRecorder implements ExecutionInterceptor {
        final List<String> operations = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    @Test
    void theReviewRoutesOnlyQueryAndGetNeverScan() throws IOException {
        TemplateModel template = TemplateModel.load();
        OperationRecorder recorder = new OperationRecorder();
        try (LocalDynamo server = LocalDynamo.server(freePort())) {
            DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(server.endpoint().orElseThrow())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(recorder))
                    .build();
            LocalTables.createAll(client, template);
            Platform platform = new Platform(new Env(template.globalEnv()), client, () -> {
                throw new IllegalStateException("no mail here");
            }, Clock.systemUTC());
            RegionItem region = new RegionItem();
            region.setRegionId("scan-check");
            region.setName("Scan Check");
            region.setCity("Scanton");
            region.setState("PA");
            region.setStatus(RegionStatus.SEEKING_PARTNER);
            new RegionRepository(platform).put(region);
            String id = Json.read(call(new SubmitApplicationHandler(platform), "POST", "/applications", null,
                    Json.write(ReviewFixture.form("scan-check", "Scan Org", "Ada", "Lovelace")), Map.of()).getBody())
                    .get("id").textValue();
            call(new SubmitInterestHandler(platform), "POST", "/interest", null,
                    Json.write(Map.of("email", "t@example.org", "zip", "18503", "role", "teacher", "city", "Scanton", "state", "PA")),
                    Map.of());

            recorder.operations.clear();
            var review = new ReadApplicationsHandler(platform);
            var interest = new ReadInterestHandler(platform);
            var decide = new ReviewWorkflowHandler(platform);
            var work = new ReviewerWorkHandler(platform);
            String cursor = Json.read(ok(call(review, "GET", "/admin/applications", null, null, Map.of("limit", "1"))).getBody())
                    .get("nextCursor").asText();
            ok(call(review, "GET", "/admin/applications", null, null, Map.of("status", "unreviewed", "region", "scan-check", "q", "scan")));
            ok(call(review, "GET", "/admin/applications", null, null, Map.of("region", "scan-check")));
            ok(call(review, "GET", "/admin/applications", null, null, Map.of("status", "unreviewed")));
            ok(call(review, "GET", "/admin/applications", null, null, Map.of("limit", "1", "cursor", cursor)));
            ok(call(review, "GET", "/admin/applications/{id}", id, null, Map.of()));
            ok(call(review, "GET", "/admin/applications.csv", null, null, Map.of()));
            ok(call(review, "GET", "/admin/cohort.csv", null, null, Map.of()));
            ok(call(interest, "GET", "/admin/interest", null, null, Map.of("state", "PA")));
            ok(call(interest, "GET", "/admin/interest", null, null, Map.of("region", "scan-check")));
            ok(call(interest, "GET", "/admin/interest", null, null, Map.of()));
            ok(call(interest, "GET", "/admin/interest/summary", null, null, Map.of()));
            ok(call(decide, "POST", "/admin/applications/{id}/notes", id, "{\"text\":\"hello\"}", Map.of()));
            ok(call(work, "PUT", "/admin/applications/{id}/scores", id, "{\"fundingPlan\":\"yes\"}", Map.of()));
            ok(call(work, "POST", "/admin/applications/{id}/assignees", id, "{}", Map.of()));
            ok(call(review, "GET", "/admin/applications", null, null, Map.of("assigned", "me")));
            ok(call(review, "GET", "/admin/applications", null, null, Map.of("sort", "score", "region", "scan-check")));
            ok(call(review, "GET", "/admin/applications", null, null, Map.of("sort", "score", "status", "unreviewed")));
            ok(call(decide, "POST", "/admin/applications/{id}/decision", id, "{\"status\":\"pending\",\"expectedVersion\":1}", Map.of()));
            ok(call(decide, "POST", "/admin/applications/{id}/decision", id, "{\"status\":\"accepted\",\"expectedVersion\":2}", Map.of()));
        }
        Set<String> used = new TreeSet<>(recorder.operations);
        assertFalse(recorder.operations.isEmpty());
        assertFalse(used.contains("Scan"), used::toString);
        assertTrue(ALLOWED.containsAll(used), used::toString);
        assertTrue(used.contains("Query"), used::toString);
    }

    private static APIGatewayProxyResponseEvent ok(APIGatewayProxyResponseEvent response) {
        assertEquals(2, response.getStatusCode() / 100, response::getBody);
        return response;
    }

    private static APIGatewayProxyResponseEvent call(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
                                                     String method, String resource, String id, String body,
                                                     Map<String, String> query) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAuthorizer(Map.of("claims", Map.of("sub", "s", "email", "r@code.org", "cognito:groups", "reviewers")));
        return handler.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource)
                .withPath(id == null ? resource : resource.replace("{id}", id))
                .withPathParameters(id == null ? null : Map.of("id", id))
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withQueryStringParameters(new HashMap<>(query)).withBody(body).withRequestContext(context), null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
