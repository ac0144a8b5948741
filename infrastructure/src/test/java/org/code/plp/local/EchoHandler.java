package org.code.plp.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.code.plp.http.ApiRequest;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;

/** A test function that answers with the event it got, to see what the local gateway builds. */
public final class EchoHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final Platform platform;

    public EchoHandler(Platform platform) {
        this.platform = platform;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        if (event.getHeaders() != null && event.getHeaders().containsKey("X-Fail")) {
            throw new IllegalStateException("asked to fail");
        }
        if (event.getPath().endsWith("/binary")) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200).withIsBase64Encoded(true)
                    .withHeaders(Map.of("Content-Type", "application/octet-stream")).withBody("AAEC/w==");
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("event", event);
        echo.put("staff", new ApiRequest(event).staff().orElse(null));
        echo.put("stage", platform.env().get("STAGE", "?"));
        echo.put("context", context.getFunctionName());
        return new APIGatewayProxyResponseEvent().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Json.write(echo));
    }
}
