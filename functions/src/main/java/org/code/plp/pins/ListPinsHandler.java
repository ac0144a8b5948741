package org.code.plp.pins;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.platform.Platform;

/** GET /pins[?status=&state=]: the map's GeoJSON FeatureCollection. */
public final class ListPinsHandler extends ApiHandler {
    private final PinsReader reader;

    public ListPinsHandler() {
        this(Platform.fromEnvironment());
    }

    public ListPinsHandler(Platform platform) {
        super(platform);
        this.reader = PinsReader.from(platform);
    }

    /** Priming reads the pins like a visitor (read-only; it also fills the cache, which expires by age). */
    @Override
    protected APIGatewayProxyRequestEvent primingEvent() {
        return super.primingEvent().withHttpMethod("GET").withBody(null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return PinResponses.cacheable(request, reader.list(request.query("status"), request.query("state")));
    }
}
