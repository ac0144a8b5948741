package org.code.plp.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.code.plp.local.TestClock;
import org.code.plp.local.TestCloud;
import org.code.plp.platform.Env;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.paginators.QueryIterable;
import software.amazon.awssdk.services.dynamodb.paginators.ScanIterable;

/**
 * The pin handlers on DynamoDB Local with a clock the test moves and a DynamoDB client that records
 * every call: repeated reads cost no DynamoDB call, a change shows once the cache age has passed,
 * and no read path (nor the import) ever scans.
 */
class PinsReadPathTest {
    private final TestCloud cloud = TestCloud.shared();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final DynamoDbClient recording = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                // Paginators call the client they were made from: make them page through this proxy.
                if (method.getName().equals("queryPaginator") && args[0] instanceof QueryRequest request) {
                    return new QueryIterable((DynamoDbClient) proxy, request);
                }
                if (method.getName().equals("scanPaginator") && args[0] instanceof ScanRequest request) {
                    return new ScanIterable((DynamoDbClient) proxy, request);
                }
                calls.add(method.getName());
                try {
                    return method.invoke(cloud.dynamo(), args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final RegionRepository regions = new RegionRepository(cloud.platform());

    @Test
    void repeatedListReadsCostNoDynamoDbCallAndAChangeShowsAfterTheCacheAge() {
        String id = store("Before");
        ListPinsHandler handler = new ListPinsHandler(platform("ListPinsFunction", "60"));
        assertEquals("Before", summary(list(handler, "OK"), id));
        assertTrue(calls.contains("query"), calls.toString());

        calls.clear();
        for (int i = 0; i < 5; i++) {
            list(handler, "OK");
            list(handler, "LA");
            list(handler, null);
        }
        assertEquals(List.of(), calls, "served from memory");

        storeAgain(id, "After");
        clock.advance(Duration.ofSeconds(59));
        assertEquals("Before", summary(list(handler, "OK"), id), "stale within the cache age");
        assertEquals(List.of(), calls);
        clock.advance(Duration.ofSeconds(1));
        assertEquals("After", summary(list(handler, "OK"), id), "fresh once the cache age has passed");
        assertEquals(List.of("query"), calls);
    }

    @Test
    void repeatedPinReadsCostNoDynamoDbCallAndAChangeShowsAfterTheCacheAge() {
        String id = store("Before");
        GetPinHandler handler = new GetPinHandler(platform("GetPinFunction", "60"));
        assertEquals("Before", get(handler, id).at("/properties/summary").asText());
        assertEquals(Set.of("getItem", "query"), Set.copyOf(calls), "the region and its counters");

        calls.clear();
        for (int i = 0; i < 5; i++) {
            get(handler, id);
        }
        assertEquals(List.of(), calls);
        storeAgain(id, "After");
        clock.advance(Duration.ofSeconds(60));
        assertEquals("After", get(handler, id).at("/properties/summary").asText());
    }

    @Test
    void everyInstanceGivesTheSameBytesTheSameStrongTag() {
        store("Same tag");
        APIGatewayProxyRequestEvent request = event("/pins", Map.of("state", "OK"), null);
        String first = invoke(new ListPinsHandler(platform("ListPinsFunction", "60")), request).getHeaders().get("ETag");
        String second = invoke(new ListPinsHandler(platform("ListPinsFunction", "60")), request).getHeaders().get("ETag");
        assertEquals(first, second, "a client moving between warm instances still gets its 304");
        assertFalse(first.startsWith("W/"));
    }

    @Test
    void noReadPathNorTheImportScans() {
        String id = store("Scan check");
        ListPinsHandler list = new ListPinsHandler(platform("ListPinsFunction", "0"));
        GetPinHandler get = new GetPinHandler(platform("GetPinFunction", "0"));
        for (String state : new String[] {null, "OK", "LA"}) {
            list(list, state);
        }
        invoke(list, event("/pins", Map.of("status", "closed"), null));
        get(get, id);
        get(get, "new-orleans-la");
        assertEquals(404, invoke(get, event("/pins/{regionId}", null, Map.of("regionId", "no-such-pin"))).getStatusCode());

        ManagePinsHandler manage = new ManagePinsHandler(platform("ManagePinsFunction", "0"));
        APIGatewayProxyRequestEvent upload = event("/admin/pins", null, null).withHttpMethod("POST")
                .withHeaders(Map.of("Content-Type", "text/csv"))
                .withBody("regionId,city,state,lat,lng,districts,schools,teachers,students,programsSought\n"
                        + TestCloud.uniqueId("pin") + ",Tulsa,OK,36.15,-95.99,1,2,3,4,csp\n");
        upload.getRequestContext().setAuthorizer(Map.of("claims", Map.of("sub", "s-1", "email", "a@code.org", "cognito:groups", "admins")));
        assertEquals(200, invoke(manage, upload).getStatusCode());

        assertFalse(calls.isEmpty());
        assertTrue(calls.stream().noneMatch(name -> name.toLowerCase().contains("scan")), calls.toString());
        // updateItem: the import's row (an edit keeps the region's partner); putItem: its one audit entry (who, with counts).
        assertTrue(Set.of("query", "getItem", "updateItem", "putItem").containsAll(Set.copyOf(calls)), calls.toString());
    }

    private String store(String summary) {
        String id = TestCloud.uniqueId("pin");
        storeAgain(id, summary);
        return id;
    }

    private void storeAgain(String id, String summary) {
        var result = new RegionValidator().validate(PinsFixtures.region(summary), id, Instant.now());
        assertTrue(result.valid(), result.errors().toString());
        regions.edit(result.region()).orElseThrow();
    }

    private Platform platform(String functionId, String cacheSeconds) {
        Map<String, String> env = new LinkedHashMap<>(cloud.platform(functionId).env().asMap());
        env.put(PinResponses.CACHE_SECONDS, cacheSeconds);
        return new Platform(new Env(env), recording, () -> {
            throw new IllegalStateException("pins send no mail");
        }, clock);
    }

    private JsonNode list(ListPinsHandler handler, String state) {
        APIGatewayProxyResponseEvent response = invoke(handler, event("/pins", state == null ? null : Map.of("state", state), null));
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.read(response.getBody());
    }

    private JsonNode get(GetPinHandler handler, String id) {
        APIGatewayProxyResponseEvent response = invoke(handler, event("/pins/{regionId}", null, Map.of("regionId", id)));
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.read(response.getBody());
    }

    private static APIGatewayProxyResponseEvent invoke(com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayProxyRequestEvent,
            APIGatewayProxyResponseEvent> handler, APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, null);
    }

    private static APIGatewayProxyRequestEvent event(String resource, Map<String, String> query, Map<String, String> path) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource(resource)
                .withQueryStringParameters(query).withPathParameters(path)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext());
    }

    private static String summary(JsonNode collection, String id) {
        return PinsContractTest.feature(collection, id).at("/properties/summary").asText();
    }
}
