package org.code.plp.regions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.code.plp.http.ApiRequest;
import org.code.plp.platform.Json;
import org.code.plp.validation.Validator;

/** The query of GET /regions/lookup: a ZIP, or a state with an optional city; 400 naming the bad parameter. */
public final class RegionLookupValidator {
    private RegionLookupValidator() {
    }

    /** {@code zip} when given (then city and state are not read), else {@code city} and {@code state}. */
    public record Query(String zip, String city, String state) {
    }

    public static Query read(ApiRequest request) {
        ObjectNode query = Json.object();
        for (String name : new String[] {"zip", "city", "state"}) {
            request.query(name).ifPresent(value -> query.put(name, value));
        }
        Validator v = new Validator();
        Query read = query.has("zip")
                ? new Query(v.zip(query, "", "zip", true), null, null)
                : new Query(null, v.line(query, "", "city", false, 100), v.state(query, "", "state", true));
        v.throwIfInvalid();
        return read;
    }
}
