package org.code.plp.pins;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;
import org.code.plp.platform.Priming;

import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.Problem;
import org.code.plp.platform.Platform;

/** GET /pins/{regionId}: one pin as a GeoJSON Feature, with its description and open-application count. */
public final class GetPinHandler extends ApiHandler {
    private final PinsReader reader;

    public GetPinHandler() {
        this(Platform.fromEnvironment());
    }

    public GetPinHandler(Platform platform) {
        super(platform);
        this.reader = PinsReader.from(platform);
    }

    /** Priming asks for a region that cannot exist: a read, answered 404. */
    @Override
    protected APIGatewayProxyRequestEvent primingEvent() {
        return super.primingEvent().withHttpMethod("GET").withPathParameters(Map.of("regionId", Priming.MISSING_KEY)).withBody(null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String regionId = request.pathParameter("regionId").orElse("");
        return reader.get(regionId)
                .map(pin -> PinResponses.cacheable(request, pin))
                .orElseThrow(() -> Problem.notFound("There is no region '" + regionId + "'."));
    }
}
