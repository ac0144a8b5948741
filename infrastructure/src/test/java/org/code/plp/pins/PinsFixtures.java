package org.code.plp.pins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.code.plp.local.TestCloud;
import org.code.plp.platform.Json;

/** Region bodies for the pins tests: each test makes its own region so shared tables stay honest. */
final class PinsFixtures {
    static final String ADMIN = "admin@code.org";
    static final String REVIEWER = "reviewer@code.org";

    private PinsFixtures() {
    }

    static String newRegionId() {
        return TestCloud.uniqueId("pin");
    }

    /** A valid PUT body for a region in Tulsa, OK. */
    static ObjectNode region(String summary) {
        return (ObjectNode) Json.read("""
                {"city":"Tulsa","state":"OK","lat":36.154,"lng":-95.9928,"status":"seeking_partner",
                 "populationServed":{"districts":9,"schools":180,"teachers":4100,"students":76000},
                 "programsSought":["csp","csd"],"summary":"%s","description":"Sample data."}
                """.formatted(summary));
    }
}
