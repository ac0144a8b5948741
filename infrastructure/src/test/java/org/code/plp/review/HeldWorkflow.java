package org.code.plp.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.code.plp.local.ApiEvents;
import org.code.plp.local.LocalLambdaContext;
import org.code.plp.local.TestClock;
import org.code.plp.local.TestCloud;
import org.code.plp.notify.NotifyRedriveHandler;
import org.code.plp.platform.Env;
import org.code.plp.platform.Platform;

/**
 * The template's ReviewWorkflowFunction with a 10-minute hold on a test clock, and the sweeper on
 * clocks of the test's choosing. The clock starts years ahead of every other test's, so no other
 * sweeper reaches this workflow's held emails and the real-time stream finds them not due.
 */
public final class HeldWorkflow {
    public static final Duration HOLD = Duration.ofMinutes(10);
    /** The token subject of the workflow's own reviewer (whose email is ReviewFixture.REVIEWER). */
    static final String HELD_REVIEWER = "held-reviewer";

    private final TestCloud cloud = TestCloud.shared();
    private final TestClock now;
    private final ReviewWorkflowHandler handler;

    HeldWorkflow() {
        this(new TestClock(Instant.now().plus(Duration.ofDays(5 * 366))));
    }

    /** On a clock the test shares with other handlers (the applicant's status page). */
    public HeldWorkflow(TestClock now) {
        this.now = now;
        Platform base = cloud.platform("ReviewWorkflowFunction");
        Map<String, String> env = new HashMap<>(base.env().asMap());
        env.put("DECISION_EMAIL_HOLD_MINUTES", Long.toString(HOLD.toMinutes()));
        handler = new ReviewWorkflowHandler(new Platform(new Env(env), base.dynamo(), base::ses, now));
    }

    Instant now() {
        return now.instant();
    }

    void advance(Duration by) {
        now.advance(by);
    }

    public APIGatewayProxyResponseEvent decide(String id, Map<String, Object> body) {
        return call(ApiEvents.post("/admin/applications/" + id + "/decision", body));
    }

    /** A new region with Alpha Learning accepted as its partner (email held, version 3) and Beta Learning pending (version 2). */
    record Partnered(String region, String first, String second) {
    }

    Partnered partnered(ReviewFixture fx, String nameSuffix) {
        String region = fx.region();
        String first = fx.pending(region, "Alpha Learning", "Alpha" + nameSuffix);
        String second = fx.pending(region, "Beta Learning", "Beta" + nameSuffix);
        APIGatewayProxyResponseEvent accepted = decide(first, Map.of("status", "accepted", "expectedVersion", 2));
        if (accepted.getStatusCode() != 200) {
            throw new AssertionError("the partner's acceptance: " + accepted.getBody());
        }
        return new Partnered(region, first, second);
    }

    public APIGatewayProxyResponseEvent undo(String id, long expectedVersion) {
        return undoAs(HELD_REVIEWER, id, expectedVersion);
    }

    /** An undo by the reviewer whose token subject is {@code sub}. */
    APIGatewayProxyResponseEvent undoAs(String sub, String id, long expectedVersion) {
        return handler.handleRequest(as(sub, ApiEvents.post("/admin/applications/" + id + "/undo",
                Map.of("expectedVersion", expectedVersion))), new LocalLambdaContext("ReviewWorkflowFunction", "test"));
    }

    /** The reviewer {@code sub} recuses (the template's ReviewerWorkFunction). */
    APIGatewayProxyResponseEvent recuse(String sub, String id) {
        Platform base = cloud.platform("ReviewerWorkFunction");
        return new ReviewerWorkHandler(new Platform(base.env(), base.dynamo(), base::ses, now)).handleRequest(
                as(sub, ApiEvents.post("/admin/applications/" + id + "/recusal", Map.of())),
                new LocalLambdaContext("ReviewerWorkFunction", "test"));
    }

    APIGatewayProxyResponseEvent call(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(as(HELD_REVIEWER, event), new LocalLambdaContext("ReviewWorkflowFunction", "test"));
    }

    private static APIGatewayProxyRequestEvent as(String sub, APIGatewayProxyRequestEvent event) {
        event.setResource(null);
        event.getRequestContext().setAuthorizer(Map.of("claims",
                Map.of("sub", sub, "email", HELD_REVIEWER.equals(sub) ? ReviewFixture.REVIEWER : sub + "@code.org",
                        "cognito:groups", "reviewers")));
        return event;
    }

    /** One sweep of the template's sweeper at {@code at}. */
    Map<String, Integer> sweepAt(Instant at) {
        Platform base = cloud.platform("NotifyRedriveFunction");
        return new NotifyRedriveHandler(new Platform(base.env(), base.dynamo(), base::ses, Clock.fixed(at, ZoneOffset.UTC)))
                .handleRequest(new ScheduledEvent(), null);
    }

    static JsonNode json(APIGatewayProxyResponseEvent response) {
        return ApiEvents.json(response);
    }
}
