package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.code.plp.review.ReviewerWorkHandler;
import org.junit.jupiter.api.Test;

/**
 * A modest hostile corpus (fixed seed) over the review console's staff routes and the applicant's own
 * routes: never a 5xx, every 400/422 a problem naming its fields, and nothing written. The benchmark
 * ({@link HostileInputBenchmark}) throws many more of the same requests.
 */
class HostileStaffAndApplicantInputTest {
    private static final int REQUESTS = 300;
    private final TestCloud cloud = TestCloud.shared();
    private final TestHttp http = new TestHttp(cloud.baseUri());

    @Test
    void aFixedSeedHostileCorpusGetsNo5xxAndEvery400NamesItsFieldsAndNothingIsWritten() {
        HostileRoutes routes = HostileRoutes.prepare(cloud);
        Random random = new Random(20_261_203L);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            HostileRoutes.Request request = routes.next(random);
            TestHttp.Response response = http.send(request.method(), request.path(), request.body(), request.headers());
            byStatus.merge(response.status(), 1, Integer::sum);
            assertTrue(response.status() < 500, () -> request + " -> " + response);
            if (response.status() == 400 || response.status() == 422) {
                assertTrue(response.contentType().startsWith("application/problem+json"), () -> request + " -> " + response);
                List<String> fields = response.errorFields();
                assertFalse(fields.isEmpty() || fields.stream().anyMatch(String::isBlank), () -> request + " names no field: " + response);
            }
        }
        assertTrue(byStatus.getOrDefault(400, 0) > REQUESTS / 2, byStatus::toString);
        JsonNode target = http.get("/admin/applications/" + routes.applicationId(), "Authorization", routes.staff()).json();
        assertEquals(1, target.get("version").longValue(), "no decision, undo or close-out went through");
        assertEquals("unreviewed", target.get("status").textValue());
        for (String list : new String[] {"notes", "assignees", "recusals", "reviews"}) {
            assertEquals(0, target.path(list).size(), () -> list + ": " + target.get(list));
        }
    }

    @Test
    void anUnassignedAddressTooLongForAKeyOrBadlyEncodedIsA400NamingEmail() {
        HostileRoutes routes = HostileRoutes.prepare(cloud);
        String path = "/admin/applications/" + routes.applicationId() + "/assignees/";
        TestHttp.Response tooLong = http.delete(path + "x".repeat(1_500) + "%40example.org", "Authorization", routes.staff());
        assertEquals(400, tooLong.status(), tooLong::toString);
        assertEquals(List.of("email"), tooLong.errorFields());

        // A hand-made event (no resource, no path parameters): the handler decodes the path itself.
        APIGatewayProxyRequestEvent event = ApiEvents.request("DELETE", path + "%E0%A4%A", null);
        event.setResource(null);
        event.setPathParameters(null);
        event.getRequestContext().setAuthorizer(Map.of("claims",
                Map.of("sub", "hostile-reviewer", "email", "hostile.reviewer@code.org", "cognito:groups", "reviewers")));
        APIGatewayProxyResponseEvent malformed = new ReviewerWorkHandler(cloud.platform("ReviewerWorkFunction"))
                .handleRequest(event, new LocalLambdaContext("ReviewerWorkFunction", "test"));
        assertEquals(400, malformed.getStatusCode(), malformed.getBody());
        assertEquals(List.of("email"), ApiEvents.json(malformed).path("errors").findValuesAsText("field"));
    }
}
