package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;

/** Every review route: 401 without a token, 403 without the reviewers group, 200 for reviewers and admins. */
class StaffAuthTest {
    private final ReviewFixture fx = new ReviewFixture();

    private record Route(String method, String path, Object body, int ok) {
    }

    @Test
    void everyReviewRouteNeedsAReviewerOrAnAdmin() {
        String id = fx.apply(fx.region());
        String other = fx.apply(fx.region());
        List<Route> routes = List.of(
                new Route("GET", "/admin/applications", null, 200),
                new Route("GET", "/admin/applications/" + id, null, 200),
                new Route("GET", "/admin/applications.csv?region=none", null, 200),
                new Route("GET", "/admin/cohort.csv", null, 200),
                new Route("GET", "/admin/interest?limit=5", null, 200),
                new Route("GET", "/admin/interest/summary", null, 200),
                new Route("POST", "/admin/applications/" + id + "/notes", Map.of("text", "Call them."), 201),
                new Route("PUT", "/admin/applications/" + id + "/scores", Map.of("fundingPlan", "yes"), 200),
                new Route("POST", "/admin/applications/" + id + "/decision", Map.of("status", "pending", "expectedVersion", 1), 200),
                new Route("POST", "/admin/applications/" + other + "/decision", Map.of("status", "pending", "expectedVersion", 1), 200));
        String applicant = fx.cloud.bearer("someone@example.org");
        String wrongGroup = fx.cloud.bearer("helper@code.org", "volunteers");
        String admin = fx.cloud.bearer("admin@code.org", "admins");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            expect(wrong, route, 401, fx.http.send(route.method(), route.path(), route.body()));
            expect(wrong, route, 401, fx.http.send(route.method(), route.path(), route.body(), "Authorization", "Bearer forged.token.value"));
            expect(wrong, route, 403, fx.http.send(route.method(), route.path(), route.body(), "Authorization", applicant));
            expect(wrong, route, 403, fx.http.send(route.method(), route.path(), route.body(), "Authorization", wrongGroup));
            // The last route is the decision again, for an admin: admins do everything reviewers do.
            String who = i == routes.size() - 1 ? admin : fx.reviewer;
            expect(wrong, route, route.ok(), fx.http.send(route.method(), route.path(), route.body(), "Authorization", who));
        }
        assertEquals(List.of(), wrong);
    }

    private static void expect(List<String> wrong, Route route, int status, TestHttp.Response response) {
        if (response.status() != status) {
            wrong.add(route.method() + " " + route.path() + " expected " + status + " got " + response);
        }
    }
}
