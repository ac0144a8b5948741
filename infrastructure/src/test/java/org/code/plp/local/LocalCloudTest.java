package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The local cloud answers as API Gateway would, over real HTTP, on DynamoDB Local. */
class LocalCloudTest {
    private final TestCloud cloud = TestCloud.shared();
    private final TestHttp http = cloud.http();

    @Test
    void everyTemplateTableExistsWithItsStream() {
        for (TemplateModel.Table table : cloud.template().tables()) {
            var description = cloud.dynamo().describeTable(r -> r.tableName(table.name())).table();
            assertEquals(table.globalIndexes().size(), description.globalSecondaryIndexes().size(), table.name());
            assertEquals(table.streamViewType() != null, description.latestStreamArn() != null, table.name());
        }
    }

    @Test
    void theBannerListsTheSchedulesAsItListsTheRoutesAndEndsWithTheAddresses() {
        String banner = cloud.cloud().banner(0);
        assertTrue(banner.startsWith("Routes:\n"), banner);
        assertTrue(banner.contains("\nSchedules (LOCAL_SCHEDULE_SECONDS=N runs each every N s):\n"), banner);
        assertTrue(banner.lines().toList().getLast().startsWith("  Web pages        " + cloud.baseUri() + "/"), banner);
        assertTrue(banner.lines().anyMatch(line -> line.startsWith("  rate(1 minute)")
                && line.endsWith("NotifyRedriveFunction (every 1 minute)")), banner);
    }

    @Test
    void seedRegionsAreLoaded() {
        var regions = new RegionRepository(cloud.platform()).listAll();
        assertTrue(regions.size() >= 5, "seed regions: " + regions.size());
        RegionItem newOrleans = new RegionRepository(cloud.platform()).find("new-orleans-la").orElseThrow();
        assertEquals("seeking_partner", newOrleans.getStatus().wire());
        assertEquals(29.9511, newOrleans.getLat(), 0.01);
    }

    @Test
    void interestPostedOverHttpIsStoredInDynamoDb() {
        String email = TestCloud.uniqueId("visitor") + "@example.org";
        var response = http.post("/interest", Map.of("email", email, "zip", "70112", "role", "teacher",
                "city", "New Orleans", "state", "LA"));
        assertEquals(201, response.status(), response.toString());
        assertEquals("new-orleans-la", response.json().get("matchedRegionId").asText());
        String id = response.json().get("id").asText();
        var item = cloud.dynamo().getItem(r -> r.tableName(cloud.table("InterestTable"))
                .key(Map.of("id", AttributeValue.fromS(id)))).item();
        assertEquals(email, item.get("email").s());
    }

    @Test
    void unknownRouteAnswersLikeApiGateway() {
        var response = http.post("/nowhere", "{}");
        assertEquals(403, response.status());
        assertEquals("Missing Authentication Token", response.json().get("message").asText());
        assertTrue(response.header("Content-Type").orElse("").startsWith("application/problem+json"), response.toString());
        assertEquals("https://localhost", response.header("Access-Control-Allow-Origin").orElse(""));
        assertEquals(403, http.get("/applications").status(), "GET on a POST-only route");
    }

    @Test
    void corsPreflightComesFromTheTemplate() {
        var response = http.options("/applications", "Origin", "https://localhost", "Access-Control-Request-Method", "POST");
        assertEquals(200, response.status());
        assertEquals("https://localhost", response.header("Access-Control-Allow-Origin").orElse(""));
        assertTrue(response.header("Access-Control-Allow-Headers").orElse("").contains("Idempotency-Key"));
    }

    @Test
    void bodiesOverTenMegabytesAreRefusedByTheGateway() {
        var response = http.post("/interest", new byte[LocalApiGateway.MAX_BODY_BYTES + 1]);
        assertEquals(413, response.status());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
    }

    @Test
    void localTokensAreSignedAndCarryCognitoClaims() {
        var response = http.post("/local/token", Map.of("email", "ada@code.org", "groups", java.util.List.of("reviewers", "admins")));
        assertEquals(200, response.status(), response.toString());
        String token = response.json().get("token").asText();
        var claims = cloud.cloud().tokens().verify("Bearer " + token).orElseThrow();
        assertEquals("ada@code.org", claims.get("email"));
        assertEquals("reviewers,admins", claims.get("cognito:groups"));
        assertFalse(claims.get("sub").isBlank());
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertTrue(cloud.cloud().tokens().verify(forged).isEmpty());
        assertEquals(400, http.post("/local/token", Map.of("groups", java.util.List.of())).status());
    }
}
