package org.code.plp.local;

import static org.code.plp.local.ApiEvents.errorFields;
import static org.code.plp.local.ApiEvents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.SubmitApplicationHandler;
import org.code.plp.counters.Counters;
import org.code.plp.platform.Json;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** POST /applications through its handler, against DynamoDB Local with the template's tables. */
class SubmitApplicationIntegrationTest {
    private final TestCloud cloud = TestCloud.shared();
    private final SubmitApplicationHandler handler = new SubmitApplicationHandler(cloud.platform("SubmitApplicationFunction"));
    private final String applications = cloud.table("ApplicationsTable");

    private APIGatewayProxyResponseEvent submit(Object body, String... headers) {
        return handler.handleRequest(ApiEvents.post("/applications", body, headers), new LocalLambdaContext("test", "r-1"));
    }

    private int storedFor(RegionItem region) {
        return IntakeFixtures.countInIndex(cloud.dynamo(), applications, ApplicationItem.BY_REGION, "regionKey", region.getRegionId());
    }

    private long counted(RegionItem region) {
        return new Counters(cloud.platform()).read(Counters.applicationsInRegion(region.getRegionId())).getOrDefault("unreviewed", 0L);
    }

    @Test
    void aValidApplicationIsStoredWithItsCountersAndEmailsBeforeThe201() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        var response = submit(IntakeFixtures.application(region.getRegionId()));

        assertEquals(201, response.getStatusCode(), response.getBody());
        String id = json(response).get("id").asText();
        assertEquals("unreviewed", json(response).get("status").asText());
        assertEquals("/admin/applications/" + id, response.getHeaders().get("Location"));
        var item = IntakeFixtures.item(cloud.dynamo(), applications, "id", id);
        assertEquals(region.getRegionId(), item.get("regionId").s());
        assertEquals("unreviewed", item.get("status").s());
        assertEquals(region.getRegionId() + "#unreviewed", item.get("regionStatus").s());
        assertEquals("ada@example.org", item.get("contactEmail").s());
        assertEquals(json(response).get("submittedAt").asText(), item.get("submittedAt").s());
        assertTrue(item.get("submittedAt").s().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals(1, storedFor(region));
        assertEquals(1, counted(region));

        String outbox = cloud.table("OutboxTable");
        var confirmation = IntakeFixtures.item(cloud.dynamo(), outbox, "outboxId", id + "#confirmation");
        assertEquals("ada@example.org", confirmation.get("recipient").s());
        assertQueued(confirmation);
        var staff = IntakeFixtures.item(cloud.dynamo(), outbox, "outboxId", id + "#new_application");
        assertQueued(staff);
        assertFalse(staff.containsKey("recipient"), "staff mail goes to the configured inbox");
    }

    // Written pending with the application; the shared cloud's stream poller may already have claimed or sent it.
    private static void assertQueued(Map<String, AttributeValue> outboxItem) {
        assertTrue(Set.of("pending", "sending", "sent").contains(outboxItem.get("state").s()), outboxItem.toString());
    }

    static List<Arguments> badForms() {
        return List.of(
                bad("missing organization name", b -> ((ObjectNode) b.get("organization")).remove("name"), "organization.name"),
                bad("unknown field", b -> b.put("favouriteColour", "blue"), "favouriteColour"),
                bad("bad state", b -> ((ObjectNode) b.get("organization").get("address")).put("state", "XX"), "organization.address.state"),
                bad("bad zip", b -> ((ObjectNode) b.get("organization").get("address")).put("zip", "7011"), "organization.address.zip"),
                bad("bad phone", b -> ((ObjectNode) b.get("organization")).put("phone", "555-0100"), "organization.phone"),
                bad("bad email", b -> ((ObjectNode) b.get("programManager")).put("email", "ada@"), "programManager.email"),
                bad("email with a line break", b -> ((ObjectNode) b.get("programManager")).put("email", "ada@example.org\r\nBcc: x@y.z"),
                        "programManager.email"),
                bad("no programs", b -> b.putArray("programs"), "programs"),
                bad("unknown program", b -> b.putArray("programs").add("csp").add("basket_weaving"), "programs[1]"),
                bad("terms not agreed", b -> b.put("agreedToTerms", false), "agreedToTerms"),
                bad("type other without typeOther", b -> ((ObjectNode) b.get("organization")).put("type", "other"), "organization.typeOther"),
                bad("essay too long", b -> b.put("fundingPlan", "x".repeat(5001)), "fundingPlan"),
                bad("missing manager", b -> b.remove("programManager"), "programManager"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String field) {
        return Arguments.of(name, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badForms")
    void everyBadFieldIsA400NamingItAndStoresNothing(String name, Consumer<ObjectNode> change, String field) {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        ObjectNode body = IntakeFixtures.application(region.getRegionId());
        change.accept(body);
        var response = submit(body);

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/problem+json"));
        assertTrue(errorFields(response).contains(field), field + " not named in " + response.getBody());
        assertEquals(0, storedFor(region));
        assertEquals(0, counted(region));
    }

    @Test
    void everyMissingRequiredFieldIsNamedAtOnce() {
        var response = submit("{}");
        assertEquals(400, response.getStatusCode());
        assertTrue(errorFields(response).containsAll(List.of("regionId", "organization", "programManager", "programs",
                "districtRelationships", "pdExperience", "fundingPlan", "agreedToTerms")), response.getBody());
    }

    @Test
    void notJsonIs400() {
        var response = submit("{\"regionId\": ");
        assertEquals(400, response.getStatusCode());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/problem+json"));
    }

    @Test
    void aBodyOver64KiBIs413() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        ObjectNode body = IntakeFixtures.application(region.getRegionId());
        body.put("pdExperience", "x".repeat(70 * 1024));
        var response = submit(body);
        assertEquals(413, response.getStatusCode());
        assertEquals(0, storedFor(region));
    }

    @Test
    void aFormPostIs415() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        var response = submit("regionId=" + region.getRegionId(), "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(415, response.getStatusCode());
        assertEquals(0, storedFor(region));
    }

    @Test
    void anUnknownRegionIs422OnRegionId() {
        var response = submit(IntakeFixtures.application(TestCloud.uniqueId("nowhere")));
        assertEquals(422, response.getStatusCode(), response.getBody());
        assertEquals(List.of("regionId"), errorFields(response));
    }

    @Test
    void aRegionNotSeekingAPartnerIs422AndStoresNothing() {
        for (RegionStatus status : List.of(RegionStatus.CLOSED, RegionStatus.PARTNER_SELECTED)) {
            RegionItem region = IntakeFixtures.region(cloud.platform(), status);
            var response = submit(IntakeFixtures.application(region.getRegionId()));
            assertEquals(422, response.getStatusCode(), status.wire());
            assertEquals(List.of("regionId"), errorFields(response));
            assertEquals(0, storedFor(region));
        }
    }

    @Test
    void theSameIdempotencyKeyAndBodyGetTheSameAnswerAndOneRecord() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        String key = TestCloud.uniqueId("key");
        String body = IntakeFixtures.application(region.getRegionId()).toString();
        var first = submit(body, "Idempotency-Key", key);
        var second = submit(body, "Idempotency-Key", key);

        assertEquals(201, first.getStatusCode());
        assertEquals(201, second.getStatusCode());
        assertEquals(first.getBody(), second.getBody());
        assertEquals(first.getHeaders().get("Location"), second.getHeaders().get("Location"));
        assertEquals(1, storedFor(region));
        assertEquals(1, counted(region));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs409AndStoresNothingNew() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        String key = TestCloud.uniqueId("key");
        ObjectNode body = IntakeFixtures.application(region.getRegionId());
        assertEquals(201, submit(body, "Idempotency-Key", key).getStatusCode());
        body.put("fundingPlan", "Something else entirely");
        var response = submit(body, "Idempotency-Key", key);

        assertEquals(409, response.getStatusCode());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/problem+json"));
        assertEquals(1, storedFor(region));
    }

    @Test
    void aMalformedIdempotencyKeyIs400NamingTheHeader() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        var response = submit(IntakeFixtures.application(region.getRegionId()), "Idempotency-Key", "short");
        assertEquals(400, response.getStatusCode());
        assertEquals(List.of("Idempotency-Key"), errorFields(response));
        assertEquals(0, storedFor(region));
    }

    @Test
    void aFilledHoneypotGetsA201AndNothingIsStored() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        ObjectNode body = IntakeFixtures.application(region.getRegionId());
        body.put("website", "http://spam.example");
        var response = submit(body);

        assertEquals(201, response.getStatusCode());
        String id = json(response).get("id").asText();
        assertTrue(IntakeFixtures.item(cloud.dynamo(), applications, "id", id).isEmpty());
        assertTrue(IntakeFixtures.item(cloud.dynamo(), cloud.table("OutboxTable"), "outboxId", id + "#confirmation").isEmpty());
        assertEquals(0, storedFor(region));
        assertEquals(0, counted(region));
    }

    @Test
    void theGatewayShapedEventWorksToo() {
        // Headers in any case, as API Gateway passes what the client sent.
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        APIGatewayProxyRequestEvent event = ApiEvents.post("/applications",
                IntakeFixtures.application(region.getRegionId()), "content-type", "application/json; charset=utf-8");
        assertEquals(201, handler.handleRequest(event, null).getStatusCode());
    }

    // Text that means what it shows, and idempotency on the meaning of a body rather than its bytes.

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0\u00A0\u00A0", "\u3000", "\u2007\u202F", "\u200B"})
    void aRequiredNameOfOnlyUnicodeSpacesIsMissing(String blank) {
        assertRefusedNamingOnly("organization", "name", blank);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Crescent\u202ECity", "Crescent\u200BCity", "\uFEFFCrescent", "Crescent\uD800", "Crescent\uFDD0"})
    void hiddenReorderingOrNonTextCharactersInANameAreNamed(String name) {
        assertRefusedNamingOnly("programManager", "lastName", name);
    }

    /** A valid application but {@code part.field} set to {@code value}: a 400 naming that field alone, nothing stored. */
    private void assertRefusedNamingOnly(String part, String field, String value) {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        ObjectNode body = IntakeFixtures.application(region.getRegionId());
        ((ObjectNode) body.get(part)).put(field, value);
        var response = submit(body);
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(List.of(part + "." + field), errorFields(response));
        assertEquals(0, storedFor(region));
    }

    @Test
    void anUnpairedSurrogateEscapeIsNamedNotStoredAsAQuestionMark() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        String body = IntakeFixtures.application(region.getRegionId()).toString()
                .replace("\"Crescent City STEM\"", "\"Crescent \\udc00 STEM\"");
        var response = submit(body);
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(List.of("organization.name"), errorFields(response));
    }

    @Test
    void namesAreStoredTrimmedOfUnicodeSpacesAndInNfc() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        ObjectNode body = IntakeFixtures.application(region.getRegionId());
        ((ObjectNode) body.get("programManager")).put("firstName", "\u00A0Jose\u0301\u3000");
        var response = submit(body);
        assertEquals(201, response.getStatusCode(), response.getBody());
        String id = json(response).get("id").asText();
        String payload = IntakeFixtures.item(cloud.dynamo(), applications, "id", id).get("payload").s();
        assertEquals("Jos\u00E9", Json.read(payload).at("/programManager/firstName").asText());
    }

    @Test
    void theSameKeyWithTheSameJsonDifferentlySpacedAndOrderedIsAReplay() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        String key = TestCloud.uniqueId("key");
        ObjectNode body = IntakeFixtures.application(region.getRegionId());
        var first = submit(body.toString(), "Idempotency-Key", key);
        assertEquals(201, first.getStatusCode(), first.getBody());

        ObjectNode reordered = Json.object();
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        names.reversed().forEach(name -> reordered.set(name, body.get(name)));
        String spaced = reordered.toPrettyString().replace(":", " :\t");
        var retry = submit(spaced, "Idempotency-Key", key);

        assertEquals(201, retry.getStatusCode(), retry.getBody());
        assertEquals(first.getBody(), retry.getBody());
        assertEquals(1, storedFor(region));

        ((ObjectNode) reordered.get("programManager")).put("firstName", "Grace");
        var other = submit(reordered, "Idempotency-Key", key);
        assertEquals(409, other.getStatusCode(), other.getBody());
        assertEquals(1, storedFor(region));
    }
}
