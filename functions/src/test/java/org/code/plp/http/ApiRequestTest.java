package org.code.plp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiRequestTest {
    private static ApiRequest withClaims(Map<String, Object> claims) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        if (claims != null) {
            context.setAuthorizer(Map.of("claims", claims));
        }
        return new ApiRequest(new APIGatewayProxyRequestEvent().withRequestContext(context));
    }

    @Test
    void readsGroupsInEveryShapeAuthorizersSendThem() {
        assertEquals(Set.of("reviewers", "admins"), withClaims(Map.of("sub", "s", "cognito:groups", "reviewers,admins")).staff().orElseThrow().groups());
        assertEquals(Set.of("reviewers", "admins"), withClaims(Map.of("sub", "s", "cognito:groups", "[reviewers admins]")).staff().orElseThrow().groups());
        assertEquals(Set.of("admins"), withClaims(Map.of("sub", "s", "cognito:groups", List.of("admins"))).staff().orElseThrow().groups());
    }

    @Test
    void answers401WithoutClaimsAnd403WithoutTheGroup() {
        assertEquals(401, assertThrows(Problem.class, () -> withClaims(null).requireGroup("reviewers")).status());
        assertEquals(401, assertThrows(Problem.class, () -> withClaims(Map.of("email", "x@y.org")).requireGroup("reviewers")).status());
        var reviewer = withClaims(Map.of("sub", "s", "email", "r@code.org", "cognito:groups", "reviewers"));
        assertEquals(403, assertThrows(Problem.class, () -> reviewer.requireGroup("admins")).status());
        assertEquals("r@code.org", reviewer.requireGroup("reviewers").displayName());
    }

    @Test
    void adminsMayReview() {
        assertTrue(withClaims(Map.of("sub", "s", "cognito:groups", "admins")).requireGroup("reviewers").isIn("reviewers"));
    }

    @Test
    void headersAreCaseInsensitive() {
        var request = new ApiRequest(new APIGatewayProxyRequestEvent().withHeaders(Map.of("idempotency-key", "abc")));
        assertEquals("abc", request.header("Idempotency-Key").orElseThrow());
    }
}
