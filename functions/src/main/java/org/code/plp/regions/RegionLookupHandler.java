package org.code.plp.regions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.pins.PinResponses;
import org.code.plp.platform.Platform;

/** GET /regions/lookup?zip= or ?city=&state=: the region that serves a place, or none. */
public final class RegionLookupHandler extends ApiHandler {
    private final RegionLookup lookup;

    public RegionLookupHandler() {
        this(Platform.fromEnvironment());
    }

    public RegionLookupHandler(Platform platform) {
        super(platform);
        this.lookup = new RegionLookup(new RegionRepository(platform), platform.clock(), PinResponses.cacheAge(platform.env()));
    }

    /** Priming looks a ZIP up like a visitor (read-only). */
    @Override
    protected APIGatewayProxyRequestEvent primingEvent() {
        return super.primingEvent().withHttpMethod("GET").withBody(null).withQueryStringParameters(Map.of("zip", "70115"));
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        RegionLookupValidator.Query query = RegionLookupValidator.read(request);
        RegionLookup.Match match = query.zip() != null ? lookup.byZip(query.zip()) : lookup.byCity(query.city(), query.state());
        return ApiResponse.json(200, Answer.of(match)).header("Cache-Control", "public, max-age=60");
    }

    /** The answer: how the place was matched, its state, and the region serving it (null when none). */
    public record Answer(String matchedBy, String state, Region region) {
        static Answer of(RegionLookup.Match match) {
            return new Answer(match.by(), match.state(), match.region()
                    .map(r -> new Region(r.getRegionId(), r.getName(), r.getCity(), r.getState(), r.getStatus()))
                    .orElse(null));
        }
    }

    public record Region(String id, String name, String city, String state, RegionStatus status) {
    }
}
