package org.code.plp.regions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.pins.PinResponses;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.validation.Validator;

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
        ObjectNode query = Json.object();
        for (String name : new String[] {"zip", "city", "state"}) {
            request.query(name).ifPresent(value -> query.put(name, value));
        }
        Validator v = new Validator();
        RegionLookup.Match match;
        if (query.has("zip")) {
            String zip = v.zip(query, "", "zip", true);
            v.throwIfInvalid();
            match = lookup.byZip(zip);
        } else {
            String city = v.line(query, "", "city", false, 100);
            String state = v.state(query, "", "state", true);
            v.throwIfInvalid();
            match = lookup.byCity(city, state);
        }
        return ApiResponse.json(200, answer(match)).header("Cache-Control", "public, max-age=60");
    }

    private static Map<String, Object> answer(RegionLookup.Match match) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("matchedBy", match.by());
        body.put("state", match.state());
        body.put("region", match.region().map(r -> {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("id", r.getRegionId());
            region.put("name", r.getName());
            region.put("city", r.getCity());
            region.put("state", r.getState());
            region.put("status", r.getStatus());
            return region;
        }).orElse(null));
        return body;
    }
}
