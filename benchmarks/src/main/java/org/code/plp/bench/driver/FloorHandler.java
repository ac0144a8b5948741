package org.code.plp.bench.driver;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** The floor of a cold start: a handler that answers a constant, nothing of the application loaded. */
public final class FloorHandler implements RequestHandler<Object, Object> {
    @Override
    public Object handleRequest(Object event, Context context) {
        return Map.of("statusCode", 200, "body", "{\"ok\":true}", "event", event.getClass().getSimpleName());
    }
}
