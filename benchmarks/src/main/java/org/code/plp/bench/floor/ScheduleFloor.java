package org.code.plp.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;

/** The floor of a scheduled function's cold start: a schedule event in, a constant map out. */
public final class ScheduleFloor implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return Map.of("ok", true);
    }
}
