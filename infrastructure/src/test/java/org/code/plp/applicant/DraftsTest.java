package org.code.plp.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.code.plp.local.ApiEvents;
import org.code.plp.local.TestClock;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.code.plp.notify.NotifyHandler;
import org.code.plp.platform.Json;
import org.code.plp.platform.Timestamps;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Save and finish later: the draft, its resume link, its expiry and its one reminder (test clock). */
class DraftsTest {
    private final ApplicantFixture fx = new ApplicantFixture();

    @Test
    void aSavedDraftIsEmailedRestoredSavedAgainAndSubmittedWithFullValidation() {
        String email = ApplicantFixture.address();
        Map<String, Object> partial = Map.of("regionId", fx.region(),
                "organization", Map.of("name", "Half <Done> & Co", "address", Map.of("city", "Helena")),
                "programs", java.util.List.of("csp"), "agreedToTerms", false);
        TestHttp.Response saved = fx.http.post("/drafts", Map.of("email", email, "form", partial));
        assertEquals(201, saved.status(), saved::toString);
        String draftId = saved.json().get("draftId").textValue();
        JsonNode mail = fx.mail(email, "Your saved Code.org partner application", 1).getFirst();
        String token = ApplicantFixture.link(fx.resumeLink, mail);
        assertTrue(mail.path("html").asText().contains("apply.html#resume=" + token));

        TestHttp.Response resumed = fx.http.get("/drafts", "Authorization", "Bearer " + token);
        assertEquals(200, resumed.status(), resumed::toString);
        assertEquals(Json.MAPPER.valueToTree(partial), resumed.json().get("form"));
        assertEquals(draftId, resumed.json().get("draftId").textValue());

        Map<String, Object> more = Map.of("regionId", partial.get("regionId"), "fundingPlan", "Grants.");
        assertEquals(200, fx.http.put("/drafts", Map.of("form", more), "Authorization", "Bearer " + token).status());
        assertEquals(Json.MAPPER.valueToTree(more), fx.http.get("/drafts", "Authorization", "Bearer " + token).json().get("form"));

        TestHttp.Response incomplete = fx.http.post("/applications", resumed.json().get("form"), "Idempotency-Key", TestCloud.uniqueId("k"));
        assertEquals(400, incomplete.status(), "a draft submitted as is runs the full validation");
        String id = fx.apply(ApplicantFixture.form((String) partial.get("regionId"), "Half Done", email));
        assertEquals(204, fx.http.delete("/drafts", "Authorization", "Bearer " + token).status());
        assertEquals(401, fx.http.get("/drafts", "Authorization", "Bearer " + token).status());
        assertEquals(id, fx.detail(id).get("id").textValue());
    }

    @Test
    void theSaveThatCreatesADraftAnswersATokenSoSavingAgainKeepsOneDraftAndOneEmail() {
        String email = ApplicantFixture.address();
        TestHttp.Response created = fx.http.post("/drafts", Map.of("email", email, "form", Map.of("fundingPlan", "One.")));
        assertEquals(201, created.status(), created::toString);
        String draftId = created.json().get("draftId").textValue();
        String token = created.json().get("token").textValue();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);

        for (String plan : java.util.List.of("Two.", "Three.")) {
            TestHttp.Response again = fx.http.put("/drafts", Map.of("form", Map.of("fundingPlan", plan)), "Authorization", "Bearer " + token);
            assertEquals(200, again.status(), again::toString);
            assertEquals(draftId, again.json().get("draftId").textValue());
            assertFalse(again.json().has("token"), "a token only to the save that created the draft");
        }
        assertEquals("Three.", fx.http.get("/drafts", "Authorization", "Bearer " + token).json().get("form").get("fundingPlan").textValue());
        assertEquals(java.util.List.of(draftId), fx.scan("DraftsTable").stream().filter(item -> email.equals(item.get("email").s()))
                .map(item -> item.get("draftId").s()).toList(), "one draft");
        assertEquals(1, fx.scan("OutboxTable").stream().filter(item -> email.equals(item.get("recipient").s())).count(), "one email");
        fx.mail(email, "Your saved", 1);
        for (String table : java.util.List.of("AccessTokensTable", "DraftsTable", "OutboxTable")) {
            assertFalse(fx.scan(table).toString().contains(token), table + " holds the raw token");
        }
        assertEquals(204, fx.http.delete("/drafts", "Authorization", "Bearer " + token).status(), "sent: the page discards it");
    }

    @Test
    void aDraftWhoseAddressAppliedSinceItWasSavedGetsNoReminder() {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TestClock clock = new TestClock(start);
        DraftsHandler drafts = new DraftsHandler(fx.platform("DraftsFunction", clock));
        String region = fx.region();
        String applied = ApplicantFixture.address();
        String draftFirst = ApiEvents.json(drafts.handleRequest(ApiEvents.post("/drafts",
                Map.of("email", applied, "form", Map.of("fundingPlan", "Grants."))), null)).get("draftId").textValue();
        fx.apply(ApplicantFixture.form(region, "Sent Since", applied));
        String earlier = ApplicantFixture.address();
        fx.apply(ApplicantFixture.form(region, "Sent Before", earlier));
        clock.set(Instant.now().plusSeconds(1));
        String draftAfter = ApiEvents.json(drafts.handleRequest(ApiEvents.post("/drafts",
                Map.of("email", earlier, "form", Map.of("fundingPlan", "Grants."))), null)).get("draftId").textValue();

        clock.set(clock.instant().plus(Duration.ofDays(28)));
        new DraftReminderHandler(fx.platform("DraftReminderFunction", clock)).handleRequest(null, null);
        assertFalse(reminderQueued(draftFirst), "the address applied after saving: no \"you have not sent it\"");
        assertNull(draft(draftFirst).get("reminder"), "out of the reminder index, so no run finds it again");
        assertTrue(reminderQueued(draftAfter), "an application sent before the draft was saved is another one");
    }

    @Test
    void draftsAreShapeCheckedOnlyAndNeverReachTheReviewQueue() {
        String email = ApplicantFixture.address();
        TestHttp.Response badShape = fx.http.post("/drafts", Map.of("email", "nope", "form", Map.of("pdExperience", 12)));
        assertEquals(400, badShape.status());
        assertEquals(java.util.List.of("email", "form.pdExperience"), badShape.errorFields());
        assertEquals(400, fx.http.post("/drafts", Map.of("email", email, "form", Map.of("a", "x".repeat(5001)))).status());
        assertEquals(java.util.List.of("form"), fx.http.post("/drafts", Map.of("email", email, "form", "text")).errorFields());

        assertEquals(201, fx.http.post("/drafts", Map.of("email", email, "form", Map.of("organization", Map.of("name", "Only A Draft")))).status());
        TestHttp.Response queue = fx.http.get("/admin/applications?q=" + email, "Authorization", fx.reviewer);
        assertEquals(200, queue.status(), queue::toString);
        assertEquals(0, queue.json().get("items").size());
    }

    @Test
    void aDraftExpiresAfterThirtyDaysWithOneReminderThreeDaysBefore() {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TestClock clock = new TestClock(start);
        DraftsHandler drafts = new DraftsHandler(fx.platform("DraftsFunction", clock));
        DraftReminderHandler reminders = new DraftReminderHandler(fx.platform("DraftReminderFunction", clock));
        String email = ApplicantFixture.address();
        var saved = drafts.handleRequest(ApiEvents.post("/drafts", Map.of("email", email, "form", Map.of("fundingPlan", "Grants."))), null);
        assertEquals(201, saved.getStatusCode(), saved::getBody);
        String draftId = ApiEvents.json(saved).get("draftId").textValue();
        assertEquals(Timestamps.format(start.plus(DraftService.LIFETIME)), ApiEvents.json(saved).get("expiresAt").textValue());
        Map<String, AttributeValue> item = draft(draftId);
        assertEquals(start.plus(DraftService.LIFETIME).getEpochSecond(), Long.parseLong(item.get("expiresAt").n()), "the TTL attribute");
        String token = ApplicantFixture.link(fx.resumeLink, fx.mail(email, "Your saved", 1).getFirst());

        clock.set(start.plus(Duration.ofDays(27)).minusSeconds(1));
        reminders.handleRequest(null, null);
        assertFalse(reminderQueued(draftId), "not due yet");

        clock.set(start.plus(Duration.ofDays(27)));
        reminders.handleRequest(null, null);
        assertTrue(reminderQueued(draftId));
        assertNull(draft(draftId).get("reminder"), "out of the reminder index");
        clock.set(start.plus(Duration.ofDays(28)));
        reminders.handleRequest(null, null);
        // Queued due at the test clock's time, 27 days ahead of the stream's: send it as Notify would then.
        new NotifyHandler(fx.platform("NotifyFunction", clock)).handleRequest(insertOf(draftId + "#draft_reminder"), null);
        JsonNode reminder = fx.mail(email, "will be deleted in 3 days", 1).getFirst();
        assertEquals(1, fx.mail(email, "will be deleted in 3 days", 1).size(), "one reminder");
        String reminderToken = ApplicantFixture.link(fx.resumeLink, reminder);

        var get = ApiEvents.get("/drafts", "Authorization", "Bearer " + reminderToken);
        clock.set(start.plus(DraftService.LIFETIME).minusSeconds(1));
        assertEquals(200, drafts.handleRequest(get, null).getStatusCode());
        clock.set(start.plus(DraftService.LIFETIME));
        assertEquals(401, drafts.handleRequest(get, null).getStatusCode(), "expired, even before TTL removes it");
        assertEquals(401, drafts.handleRequest(ApiEvents.get("/drafts", "Authorization", "Bearer " + token), null).getStatusCode());
    }

    private static DynamodbEvent insertOf(String outboxId) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withKeys(Map.of("outboxId",
                new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS(outboxId))).withSequenceNumber("1"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(java.util.List.of(record));
        return event;
    }

    private Map<String, AttributeValue> draft(String draftId) {
        return fx.cloud.dynamo().getItem(r -> r.tableName(fx.cloud.table("DraftsTable")).consistentRead(true)
                .key(Map.of("draftId", AttributeValue.fromS(draftId)))).item();
    }

    private boolean reminderQueued(String draftId) {
        return !fx.cloud.dynamo().getItem(r -> r.tableName(fx.cloud.table("OutboxTable")).consistentRead(true)
                .key(Map.of("outboxId", AttributeValue.fromS(draftId + "#draft_reminder")))).item().isEmpty();
    }
}
