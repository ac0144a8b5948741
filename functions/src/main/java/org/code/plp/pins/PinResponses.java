package org.code.plp.pins;

import java.time.Duration;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.platform.Env;

/** Answers for the public, cacheable pin reads: GeoJSON with ETag, or 304 when the client has it. */
public final class PinResponses {
    public static final String CACHE_CONTROL = "public, max-age=300";
    public static final String CACHE_SECONDS = "PINS_CACHE_SECONDS";

    private PinResponses() {
    }

    public static ApiResponse cacheable(ApiRequest request, PinsReader.Representation representation) {
        ApiResponse response = ETags.noneMatchHits(request.header("If-None-Match").orElse(null), representation.etag())
                ? ApiResponse.empty(304)
                : ApiResponse.text(200, PinFeatures.MEDIA_TYPE, representation.body());
        return response.header("ETag", representation.etag()).header("Cache-Control", CACHE_CONTROL);
    }

    /** How long a warm function keeps regions in memory: {@value #CACHE_SECONDS}, default 60 s. */
    public static Duration cacheAge(Env env) {
        String value = env.get(CACHE_SECONDS, "60");
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalStateException(CACHE_SECONDS + " must be a whole number of seconds, not '" + value + "'");
    }
}
