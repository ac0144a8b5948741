package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** End to end over HTTP: the real template's staff routes are closed without a token. */
class StaffRoutesTest {
    private final TestCloud cloud = TestCloud.shared();

    @Test
    void everyStaffRouteOfTheTemplateIs401WithoutAToken() {
        List<TemplateModel.ApiRoute> staff = cloud.template().apiRoutes().stream().filter(TemplateModel.ApiRoute::staffOnly).toList();
        for (TemplateModel.ApiRoute route : staff) {
            String path = route.path().replaceAll("\\{[^}]+}", "x");
            var response = cloud.http().send(route.method().equals("ANY") ? "GET" : route.method(), path,
                    route.method().equals("GET") ? null : "{}");
            assertEquals(401, response.status(), route.method() + " " + path);
            assertTrue(response.contentType().startsWith("application/problem+json"), path);
            var forged = cloud.http().send(route.method().equals("ANY") ? "GET" : route.method(), path,
                    route.method().equals("GET") ? null : "{}", "Authorization", "Bearer not.a.token");
            assertEquals(401, forged.status(), route.method() + " " + path);
        }
    }

    @Test
    void theTokenEndpointIssuesTokensTheGatewayAccepts() {
        var response = cloud.http().post("/local/token", Map.of("email", "grace@code.org", "groups", List.of("reviewers")));
        assertEquals(200, response.status(), response.toString());
        String token = response.json().get("token").asText();
        var claims = cloud.cloud().tokens().verify("Bearer " + token).orElseThrow();
        assertEquals("grace@code.org", claims.get("email"));
        assertEquals("reviewers", claims.get("cognito:groups"));
        assertEquals(claims.get("sub"), cloud.cloud().tokens().verify(cloud.token("grace@code.org")).orElseThrow().get("sub"),
                "the same person keeps the same sub");
        assertEquals(405, cloud.http().get("/local/token").status());
    }

    @Test
    void anApplicationPostedLikeCurlIsReadableInDynamoDb() {
        var region = IntakeFixtures.openRegion(cloud.platform());
        String key = TestCloud.uniqueId("curl");
        var response = cloud.http().post("/applications", IntakeFixtures.application(region.getRegionId()).toString(),
                "Idempotency-Key", key, "Origin", "https://localhost");
        assertEquals(201, response.status(), response.toString());
        String id = response.json().get("id").asText();
        assertEquals("/admin/applications/" + id, response.header("Location").orElse(""));
        assertEquals("https://localhost", response.header("Access-Control-Allow-Origin").orElse(""));
        var item = IntakeFixtures.item(cloud.dynamo(), cloud.table("ApplicationsTable"), "id", id);
        assertEquals("Crescent City STEM", item.get("organizationName").s());
        assertEquals(region.getRegionId(), item.get("regionKey").s());

        var problem = cloud.http().post("/applications", "{\"regionId\":\"x\"}", "Content-Type", "text/plain");
        assertEquals(415, problem.status());
        assertTrue(problem.contentType().startsWith("application/problem+json"));
    }
}
