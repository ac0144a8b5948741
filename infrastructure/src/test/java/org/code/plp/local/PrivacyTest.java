package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.code.plp.applicant.AccessTokens;
import org.code.plp.counters.Counters;
import org.code.plp.idempotency.IdempotencyKeys;
import org.code.plp.privacy.PersonalData;
import org.code.plp.regions.RegionItem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * End to end over HTTP: erasure on request, subject access and the audit log (admins only).
 * After an erasure the test reads every table of the template (test code may Scan) and finds no
 * trace of the address, the names or the phone numbers; counters are untouched.
 */
class PrivacyTest {
    private final TestCloud cloud = TestCloud.shared();
    private final TestHttp http = cloud.http();
    private final String admin = cloud.bearer("privacy-admin@code.org", "admins");
    private final String reviewer = cloud.bearer("privacy-reviewer@code.org", "reviewers");

    /** A person with values found nowhere else in the tables. */
    private record Person(String email, String firstName, String lastName, String phone, String orgPhone) {
        static Person fresh() {
            String tag = TestCloud.uniqueId("p").replaceAll("[^a-z0-9]", "");
            return new Person("Erase." + tag + "@Example.org", "Zelda" + tag, "Quimby" + tag, randomPhone(), randomPhone());
        }

        private static String randomPhone() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return "2" + (10 + random.nextInt(90)) + "555" + (1000 + random.nextInt(9000));
        }

        /** Each value as typed and as stored (phones as 2xx-555-1234). */
        List<String> traces() {
            List<String> traces = new ArrayList<>(List.of(email.toLowerCase(), firstName.toLowerCase(), lastName.toLowerCase(), phone,
                    orgPhone, formatted(phone), formatted(orgPhone)));
            // The address as rate-limit counters key it (its SHA-256), in the forms an address is stored.
            for (String variant : PersonalData.variants(email)) {
                traces.add(AccessTokens.hash(variant));
            }
            return traces;
        }

        private static String formatted(String digits) {
            return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
        }
    }

    private String apply(RegionItem region, Person person) {
        ObjectNode form = IntakeFixtures.application(region.getRegionId());
        ObjectNode manager = (ObjectNode) form.get("programManager");
        manager.put("email", person.email()).put("firstName", person.firstName()).put("lastName", person.lastName())
                .put("phone", person.phone());
        ((ObjectNode) form.get("organization")).put("phone", person.orgPhone());
        String key = TestCloud.uniqueId("erase-key");
        var created = http.post("/applications", form, "Idempotency-Key", key);
        assertEquals(201, created.status(), created.toString());
        lastKey = "applications#" + key;
        return created.json().get("id").asText();
    }

    private String lastKey;

    private String interest(Person person) {
        ObjectNode form = IntakeFixtures.interest("Helena");
        form.put("email", person.email().toLowerCase()).put("name", person.firstName() + " " + person.lastName())
                .put("notes", "Call me on " + person.phone());
        var created = http.post("/interest", form);
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").asText();
    }

    private JsonNode detail(String id) {
        var detail = http.get("/admin/applications/" + id, "Authorization", admin);
        assertEquals(200, detail.status(), detail.toString());
        return detail.json();
    }

    @Test
    void reviewersAreRefusedEveryPersonalDataRoute() {
        String body = "{\"email\":\"someone@example.org\",\"confirm\":true}";
        for (var response : List.of(http.post("/admin/erasure/preview", "{\"email\":\"someone@example.org\"}", "Authorization", reviewer),
                http.post("/admin/erasure", body, "Authorization", reviewer),
                http.get("/admin/subject-access?email=someone@example.org", "Authorization", reviewer),
                http.get("/admin/audit", "Authorization", reviewer),
                http.get("/admin/audit.csv", "Authorization", reviewer))) {
            assertEquals(403, response.status(), response.toString());
        }
    }

    @Test
    void erasureLeavesNoTraceInAnyTableAndKeepsTheCounts() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        Person person = Person.fresh();
        String first = apply(region, person);
        String firstKey = lastKey;
        String second = apply(region, person);
        String form = interest(person);
        var draft = http.post("/drafts", Map.of("email", person.email(), "form",
                Map.of("organization", Map.of("name", "Draft of " + person.lastName()))));
        assertEquals(201, draft.status(), draft.toString());
        var link = http.post("/status/link", Map.of("email", person.email()));
        assertEquals(202, link.status(), "a status link sent again: an email found only by its recipient");
        var decided = http.post("/admin/applications/" + first + "/decision",
                Map.of("status", "interview", "note", "Spoke to " + person.firstName() + " on " + person.phone(), "expectedVersion", 1),
                "Authorization", reviewer);
        assertEquals(200, decided.status(), decided.toString());
        var note = http.post("/admin/applications/" + second + "/notes", Map.of("text", person.lastName() + " called back"),
                "Authorization", reviewer);
        assertEquals(201, note.status(), note.toString());
        // A pending change of address: its confirmation link's token holds the new address.
        new AccessTokens(cloud.platform()).mint(new AccessTokens.Grant(AccessTokens.Purpose.EMAIL_CHANGE, second,
                "new." + person.email().toLowerCase(), java.time.Instant.now().plus(java.time.Duration.ofDays(1))));
        Map<String, Long> countsBefore = new Counters(cloud.platform()).read(Counters.applicationsInRegion(region.getRegionId()));
        List<String> before = traces(person);
        assertNotNull(idempotencyHash(firstKey));
        assertFalse(idempotencyHash(firstKey).equals(IdempotencyKeys.ERASED_HASH));
        List<String> hashes = PersonalData.variants(person.email()).stream().map(AccessTokens::hash).toList();
        for (String trace : person.traces().stream().filter(t -> !t.equals(person.orgPhone()) && !hashes.contains(t)).toList()) {
            assertTrue(before.stream().anyMatch(t -> t.contains(" holds " + trace + ":")), trace + " is in the tables before");
        }
        assertTrue(before.stream().anyMatch(t -> t.startsWith("RateLimitsTable holds ")), "the link request's counter holds the address's hash");
        assertTrue(before.stream().anyMatch(t -> t.startsWith("DraftsTable holds ")), "the draft holds the address");
        assertTrue(before.stream().anyMatch(t -> t.startsWith("AccessTokensTable holds ")), "the email change's token holds the new address");

        var preview = http.post("/admin/erasure/preview", Map.of("email", person.email()), "Authorization", admin);
        assertEquals(200, preview.status(), preview.toString());
        assertEquals(2, preview.json().at("/counts/applications").asInt());
        assertEquals(1, preview.json().at("/counts/interestForms").asInt());
        assertEquals(1, preview.json().at("/counts/drafts").asInt());
        assertEquals(draft.json().get("draftId").asText(), preview.json().at("/drafts/0").asText());
        assertFalse(preview.body().toLowerCase().contains(person.email().toLowerCase()), "the preview names no data");

        var refused = http.post("/admin/erasure", Map.of("email", person.email()), "Authorization", admin);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals(List.of("confirm"), refused.errorFields());

        var erased = http.post("/admin/erasure", Map.of("email", person.email(), "confirm", true), "Authorization", admin);
        assertEquals(200, erased.status(), erased.toString());
        assertEquals(2, erased.json().at("/counts/applications").asInt());

        assertEquals(List.of(), traces(person), "no trace of the address (or its hash), names or phones in any table");
        assertEquals(IdempotencyKeys.ERASED_HASH, idempotencyHash(firstKey), "the hash of the erased body is gone");
        var retried = http.post("/applications", IntakeFixtures.application(region.getRegionId()), "Idempotency-Key",
                firstKey.substring("applications#".length()));
        assertEquals(201, retried.status(), retried.toString());
        assertEquals(first, retried.json().get("id").asText(), "a late retry of the erased submission gets its first answer, stores nothing");
        assertEquals(countsBefore, new Counters(cloud.platform()).read(Counters.applicationsInRegion(region.getRegionId())),
                "counters are untouched");
        JsonNode after = detail(first);
        assertEquals("interview", after.get("status").asText(), "the status stays");
        assertEquals(region.getRegionId(), after.get("regionId").asText(), "the region stays");
        assertTrue(after.get("contactEmail").isNull());
        assertEquals("[erased]", after.get("contactName").asText());
        assertTrue(after.hasNonNull("erasedAt"), "staff see that it was erased");
        assertEquals("nonprofit", after.at("/application/organization/type").asText());
        assertTrue(http.get("/admin/subject-access?email=" + person.email(), "Authorization", admin).json()
                .get("applications").isEmpty(), "nothing is held any more");

        List<JsonNode> erasures = AuditTrail.entries(http, admin, e -> e.get("action").asText().equals("erasure")
                && e.get("actor").asText().equals("privacy-admin@code.org") && e.at("/detail/applications").asText().equals("2")
                && e.at("/detail/drafts").asText().equals("1"));
        JsonNode entry = erasures.isEmpty() ? null : erasures.get(0);
        assertNotNull(entry, "the erasure is in the audit log");
        assertEquals("privacy-admin@code.org", entry.get("actor").asText());
        assertEquals("1", entry.at("/detail/interestForms").asText());
        assertTrue(AuditTrail.entries(http, admin, e -> e.toString().toLowerCase().contains(person.email().toLowerCase())).isEmpty(),
                "the audit holds no copy of the data");

        // A decision after the erasure still works and mails no one.
        var later = http.post("/admin/applications/" + second + "/decision",
                Map.of("status", "declined", "expectedVersion", detail(second).get("version").asInt()), "Authorization", reviewer);
        assertEquals(200, later.status(), later.toString());
        assertEquals(List.of(), traces(person));
    }

    @Test
    void aDecisionRacingTheErasureLeavesNothingPersonalAndTheCountsRight() throws Exception {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        for (int round = 0; round < 4; round++) {
            Person person = Person.fresh();
            String id = apply(region, person);
            var decision = CompletableFuture.supplyAsync(() -> http.post("/admin/applications/" + id + "/decision",
                    Map.of("status", "pending", "expectedVersion", 1), "Authorization", reviewer));
            var erasure = CompletableFuture.supplyAsync(() -> http.post("/admin/erasure",
                    Map.of("email", person.email(), "confirm", true), "Authorization", admin));
            int decided = decision.get().status();
            assertTrue(decided == 200 || decided == 409, decision.get().toString());
            assertEquals(200, erasure.get().status(), erasure.get().toString());
            assertEquals(List.of(), traces(person), "round " + round);
            String status = detail(id).get("status").asText();
            assertEquals(decided == 200 ? "pending" : "unreviewed", status, "round " + round);
        }
        Map<String, Long> counts = new Counters(cloud.platform()).read(Counters.applicationsInRegion(region.getRegionId()));
        long stored = IntakeFixtures.countInIndex(cloud.dynamo(), cloud.table("ApplicationsTable"), "byRegion", "regionKey",
                region.getRegionId());
        assertEquals(4, stored);
        assertEquals(stored, counts.values().stream().mapToLong(Long::longValue).sum(), "counters count every application once: " + counts);
        long pending = cloud.dynamo().query(QueryRequest.builder().tableName(cloud.table("ApplicationsTable")).indexName("byRegionStatus")
                .keyConditionExpression("regionStatus = :k").expressionAttributeValues(Map.of(":k",
                        AttributeValue.fromS(region.getRegionId() + "#pending"))).select("COUNT").build()).count();
        assertEquals(pending, counts.getOrDefault("pending", 0L), counts.toString());
    }

    @Test
    void subjectAccessExportsEverythingHeldAndIsAudited() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        Person person = Person.fresh();
        String id = apply(region, person);
        String form = interest(person);
        var export = http.get("/admin/subject-access?email=" + person.email(), "Authorization", admin);
        assertEquals(200, export.status(), export.toString());
        JsonNode body = export.json();
        assertEquals(id, body.at("/applications/0/id").asText());
        assertEquals(person.firstName(), body.at("/applications/0/form/programManager/firstName").asText());
        assertEquals("unreviewed", body.at("/applications/0/log/0/status").asText());
        assertTrue(body.at("/applications/0/emails").size() >= 2, "confirmation and staff email: " + body);
        assertEquals(form, body.at("/interestForms/0/id").asText());
        assertEquals(400, http.get("/admin/subject-access?email=not-an-address", "Authorization", admin).status());

        assertFalse(AuditTrail.of(http, admin, "privacy-admin@code.org", "subject-access", null).isEmpty());
    }

    @Test
    void anAddressTypedInAnotherCaseFindsWhatItSentAndNothingElse() {
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        Person person = Person.fresh();
        String id = apply(region, person);
        apply(region, new Person("x" + person.email(), "Other", "Person", person.phone(), person.orgPhone()));

        // Stored as "Erase.<tag>@example.org": neither the address as typed here nor its lower case is that.
        String typedOtherwise = person.email().toUpperCase(java.util.Locale.ROOT);
        var export = http.get("/admin/subject-access?email=" + typedOtherwise, "Authorization", admin);
        assertEquals(200, export.status(), export.toString());
        assertEquals(1, export.json().get("applications").size(), export.toString());
        assertEquals(id, export.json().at("/applications/0/id").asText());
    }

    @Test
    void theAuditLogPagesByCursorAndExportsCsv() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.post("/admin/erasure/preview", Map.of("email", "nobody" + i + "@example.org"), "Authorization", admin).status());
        }
        var first = http.get("/admin/audit?limit=2", "Authorization", admin);
        String cursor = first.json().get("nextCursor").asText();
        var second = http.get("/admin/audit?limit=2&cursor=" + cursor, "Authorization", admin);
        assertEquals(200, second.status(), second.toString());
        List<String> firstTimes = first.json().get("items").findValuesAsText("at");
        List<String> secondTimes = second.json().get("items").findValuesAsText("at");
        assertTrue(firstTimes.get(1).compareTo(secondTimes.get(0)) >= 0, "newest first across pages");
        assertEquals(List.of("cursor"), http.get("/admin/audit?cursor=bogus", "Authorization", admin).errorFields());
        assertEquals(List.of("limit"), http.get("/admin/audit?limit=0", "Authorization", admin).errorFields());

        var csv = http.get("/admin/audit.csv", "Authorization", admin);
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.body().startsWith("at,actor,action,target,detail\r\n"), csv.body());
        assertTrue(csv.body().contains("erasure-preview"), csv.body());
    }

    private String idempotencyHash(String key) {
        var item = cloud.dynamo().getItem(r -> r.tableName(cloud.table("IdempotencyTable")).consistentRead(true)
                .key(Map.of("idempotencyKey", AttributeValue.fromS(key)))).item();
        return item.containsKey("requestHash") ? item.get("requestHash").s() : null;
    }

    /** Every attribute of every item of every table of the template holding one of the person's values. */
    private List<String> traces(Person person) {
        List<String> found = new ArrayList<>();
        for (TemplateModel.Table table : cloud.template().tables()) {
            for (var page : cloud.dynamo().scanPaginator(r -> r.tableName(table.name()).consistentRead(true))) {
                for (Map<String, AttributeValue> item : page.items()) {
                    String text = item.toString().toLowerCase();
                    for (String trace : person.traces()) {
                        if (text.contains(trace)) {
                            found.add(table.logicalId() + " holds " + trace + ": " + item);
                        }
                    }
                }
            }
        }
        return found;
    }
}
