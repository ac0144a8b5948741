package org.code.plp.local;

import static org.code.plp.local.ApiEvents.errorFields;
import static org.code.plp.local.ApiEvents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.code.plp.counters.Counters;
import org.code.plp.interest.InterestItem;
import org.code.plp.interest.SubmitInterestHandler;
import org.code.plp.regions.RegionItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /interest through its handler, against DynamoDB Local with the template's tables. */
class SubmitInterestIntegrationTest {
    private final TestCloud cloud = TestCloud.shared();
    private final SubmitInterestHandler handler = new SubmitInterestHandler(cloud.platform("SubmitInterestFunction"));
    private final String interest = cloud.table("InterestTable");

    private APIGatewayProxyResponseEvent submit(Object body, String... headers) {
        return handler.handleRequest(ApiEvents.post("/interest", body, headers), new LocalLambdaContext("test", "r-1"));
    }

    /** Each test uses a city of its own, so the city counter counts only its submissions. */
    private static String city() {
        return "Helena " + TestCloud.uniqueId("t");
    }

    private long cityCount(String state, String city) {
        return new Counters(cloud.platform()).read(Counters.INTEREST_BY_CITY)
                .getOrDefault(state + "#" + city.toLowerCase(Locale.ROOT), 0L);
    }

    @Test
    void aFormWithNoMatchingRegionIsStoredCountedAndMailed() {
        String city = city();
        ObjectNode body = IntakeFixtures.interest(city);
        var response = submit(body);

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertTrue(json(response).get("matchedRegionId").isNull());
        String id = json(response).get("id").asText();
        var item = IntakeFixtures.item(cloud.dynamo(), interest, "id", id);
        assertEquals(body.get("email").asText(), item.get("email").s());
        assertEquals("MT", item.get("state").s());
        assertEquals(InterestItem.NONE, item.get("regionKey").s());
        assertEquals(List.of("6-8"), item.get("gradeLevels").l().stream().map(v -> v.s()).toList());
        assertTrue(item.get("submittedAt").s().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                "same fixed-width format as applications: " + item.get("submittedAt").s());
        assertEquals(1, cityCount("MT", city));

        String outbox = cloud.table("OutboxTable");
        assertEquals(body.get("email").asText(),
                IntakeFixtures.item(cloud.dynamo(), outbox, "outboxId", id + "#interest_receipt").get("recipient").s());
        assertFalse(IntakeFixtures.item(cloud.dynamo(), outbox, "outboxId", id + "#interest_staff").isEmpty());
    }

    @Test
    void aFormIsMatchedToARegionByCityOrZipPrefix() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        ObjectNode byCity = IntakeFixtures.interest(region.getCity());
        byCity.put("state", region.getState());
        byCity.put("zip", "70112");
        var response = submit(byCity);
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(region.getRegionId(), json(response).get("matchedRegionId").asText());
        assertEquals(1, IntakeFixtures.countInIndex(cloud.dynamo(), interest, InterestItem.BY_REGION, "regionKey", region.getRegionId()));

        ObjectNode byZip = IntakeFixtures.interest(city());
        byZip.remove("state");
        byZip.put("zip", "38103");
        var memphis = submit(byZip);
        assertEquals("memphis-tn", json(memphis).get("matchedRegionId").asText(), memphis.getBody());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "email | not-an-email",
            "zip | 1234",
            "role | astronaut",
            "state | ZZ",
            "gradeLevels | 13",
            "favouriteColour | blue",
    })
    void everyBadFieldIsA400NamingItAndStoresNothing(String field, String value) {
        String city = city();
        ObjectNode body = IntakeFixtures.interest(city);
        if (field.equals("gradeLevels")) {
            body.putArray("gradeLevels").add(value);
        } else {
            body.put(field, value);
        }
        var response = submit(body);

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/problem+json"));
        String named = field.equals("gradeLevels") ? "gradeLevels[0]" : field;
        assertTrue(errorFields(response).contains(named), named + " not named in " + response.getBody());
        assertEquals(0, cityCount("MT", city));
    }

    @Test
    void theRequiredFieldsAreNamedAtOnce() {
        var response = submit("{}");
        assertEquals(400, response.getStatusCode());
        assertTrue(errorFields(response).containsAll(List.of("email", "zip", "role")), response.getBody());
    }

    @Test
    void wrongContentTypeIs415AndTooBigIs413() {
        String city = city();
        assertEquals(415, submit(IntakeFixtures.interest(city).toString(), "Content-Type", "text/plain").getStatusCode());
        ObjectNode big = IntakeFixtures.interest(city);
        big.put("notes", "x".repeat(70 * 1024));
        assertEquals(413, submit(big).getStatusCode());
        assertEquals(0, cityCount("MT", city));
    }

    @Test
    void idempotencyKeysReplayAndConflict() {
        String city = city();
        String key = TestCloud.uniqueId("key");
        ObjectNode body = IntakeFixtures.interest(city);
        var first = submit(body.toString(), "Idempotency-Key", key);
        var again = submit(body.toString(), "Idempotency-Key", key);
        assertEquals(201, first.getStatusCode());
        assertEquals(first.getBody(), again.getBody());
        assertEquals(1, cityCount("MT", city));

        body.put("notes", "changed");
        var conflict = submit(body, "Idempotency-Key", key);
        assertEquals(409, conflict.getStatusCode());
        assertEquals(1, cityCount("MT", city));
    }

    @Test
    void aFilledHoneypotGetsA201AndNothingIsStored() {
        String city = city();
        ObjectNode body = IntakeFixtures.interest(city);
        body.put("website", "http://spam.example");
        var response = submit(body);
        assertEquals(201, response.getStatusCode());
        String id = json(response).get("id").asText();
        assertTrue(IntakeFixtures.item(cloud.dynamo(), interest, "id", id).isEmpty());
        assertTrue(IntakeFixtures.item(cloud.dynamo(), cloud.table("OutboxTable"), "outboxId", id + "#interest_receipt").isEmpty());
        assertEquals(0, cityCount("MT", city));
    }

    @Test
    void aFormWithoutAStateGetsItsZipsStateAndIsCounted() {
        ObjectNode body = IntakeFixtures.interest(null);
        body.remove("city");
        body.remove("state");
        body.put("zip", "83702");
        long before = new Counters(cloud.platform()).read(Counters.INTEREST_BY_STATE).getOrDefault("ID", 0L);
        var response = submit(body);
        assertEquals(201, response.getStatusCode(), response.getBody());
        var item = IntakeFixtures.item(cloud.dynamo(), interest, "id", json(response).get("id").asText());
        assertEquals("ID", item.get("state").s());
        assertEquals("boise-id", json(response).get("matchedRegionId").asText());
        assertTrue(new Counters(cloud.platform()).read(Counters.INTEREST_BY_STATE).getOrDefault("ID", 0L) > before);
    }

    @Test
    void aZipAndStateThatDisagreeAreA400NamingBothAndStoreNothing() {
        String city = city();
        ObjectNode body = IntakeFixtures.interest(city);
        body.put("zip", "02108");
        body.put("state", "CA");
        var response = submit(body);
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(List.of("zip", "state"), errorFields(response));
        assertEquals(0, cityCount("CA", city));
    }
}
