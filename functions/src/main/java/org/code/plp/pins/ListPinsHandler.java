package org.code.plp.pins;

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
        super(platform.env());
        this.reader = PinsReader.from(platform);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return PinResponses.cacheable(request, reader.list(request.query("status"), request.query("state")));
    }
}
