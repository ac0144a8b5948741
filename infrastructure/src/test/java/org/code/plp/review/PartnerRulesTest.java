package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.code.plp.platform.Timestamps;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;
import org.junit.jupiter.api.Test;

/** One partner per region, closed regions, close-out and the decision preview, over HTTP (hold 0 in tests). */
class PartnerRulesTest {
    private final ReviewFixture fx = new ReviewFixture();

    private String applyAs(String region, String organization, String lastName) {
        return fx.apply(ReviewFixture.form(region, organization, "Ada", lastName));
    }

    private TestHttp.Response accept(String id, long version, Boolean coPartner) {
        Map<String, Object> body = coPartner == null ? Map.of("status", "accepted", "expectedVersion", version)
                : Map.of("status", "accepted", "expectedVersion", version, "coPartner", coPartner);
        return fx.http.post("/admin/applications/" + id + "/decision", body, "Authorization", fx.reviewer);
    }

    @Test
    void aSecondAcceptanceInARegionIsA409NamingThePartnerUnlessItIsADeliberateCoPartner() {
        String region = fx.region();
        String first = applyAs(region, "Alpha Learning", "Alpha");
        String second = applyAs(region, "Beta Learning", "Beta");
        String open = applyAs(region, "Gamma Learning", "Gamma");
        assertEquals(200, accept(first, fx.move(first, "pending", 1), null).status());
        RegionItem filled = fx.findRegion(region);
        assertEquals(RegionStatus.PARTNER_SELECTED, filled.getStatus());
        assertEquals(first, filled.getPartnerApplicationId());

        long version = fx.move(second, "pending", 1);
        TestHttp.Response refused = accept(second, version, null);
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        String detail = refused.json().get("detail").textValue();
        assertTrue(detail.contains(region) && detail.contains("Alpha Learning") && detail.contains(first), detail);
        assertEquals(List.of("coPartner"), refused.errorFields());
        assertEquals("pending", fx.detail(second).get("status").textValue(), "nothing written");
        assertEquals(400, fx.http.post("/admin/applications/" + second + "/decision",
                Map.of("status", "declined", "expectedVersion", version, "coPartner", true), "Authorization", fx.reviewer).status());

        TestHttp.Response joint = accept(second, version, true);
        assertEquals(200, joint.status(), joint::toString);
        assertEquals(Boolean.TRUE, joint.json().get("coPartner").asBoolean());
        JsonNode last = joint.json().get("statusLog").get(joint.json().get("statusLog").size() - 1);
        assertEquals("accepted", last.get("status").textValue());
        assertTrue(last.get("coPartner").asBoolean(), last.toString());
        assertEquals(first, fx.findRegion(region).getPartnerApplicationId(), "the first partner stays named");
        assertEquals(Map.of("unreviewed", 1L, "pending", 0L, "accepted", 2L), fx.regionCounts(region));

        JsonNode openDetail = fx.detail(open);
        assertTrue(openDetail.get("regionFilled").asBoolean(), openDetail.toString());
        assertEquals("Alpha Learning", openDetail.get("regionPartner").textValue());
        assertFalse(fx.detail(first).get("regionFilled").asBoolean(), "the partner itself is not 'region filled'");
        JsonNode queue = fx.http.get("/admin/applications?region=" + region, "Authorization", fx.reviewer).json();
        for (JsonNode item : queue.get("items")) {
            assertEquals(item.get("id").textValue().equals(open), item.get("regionFilled").asBoolean(), item.toString());
        }
    }

    @Test
    void aCoPartnerNeedsAPartnerToJoinOtherwiseA409NamingCoPartnerAndNothingWritten() {
        String region = fx.region();
        String id = applyAs(region, "Early Joiner", "Early");
        long version = fx.move(id, "pending", 1);
        TestHttp.Response refused = accept(id, version, true);
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("coPartner"), refused.errorFields());
        assertTrue(refused.json().get("detail").textValue().contains("no partner yet"), refused::toString);
        RegionItem untouched = fx.findRegion(region);
        assertEquals(RegionStatus.SEEKING_PARTNER, untouched.getStatus(), "not filled with nobody named");
        assertNull(untouched.getPartnerApplicationId());
        assertEquals(version, fx.detail(id).get("version").longValue());

        assertEquals(200, accept(id, version, null).status(), "a plain acceptance makes it the partner");
        assertEquals(id, fx.findRegion(region).getPartnerApplicationId());
        assertEquals("Early Joiner", fx.findRegion(region).getPartnerName());
    }

    @Test
    void acceptingInAClosedRegionIsA409AndNeverReopensIt() {
        String region = fx.region();
        String id = applyAs(region, "Closed Shop", "Closed");
        long version = fx.move(id, "pending", 1);
        new RegionRepository(fx.cloud.platform()).close(region, Timestamps.format(Instant.now()));
        for (Boolean coPartner : new Boolean[] {null, true}) {
            TestHttp.Response refused = accept(id, version, coPartner);
            assertEquals(409, refused.status(), refused::toString);
            assertTrue(refused.json().get("detail").textValue().contains("closed"), refused::toString);
        }
        assertEquals(RegionStatus.CLOSED, fx.findRegion(region).getStatus());
        assertNull(fx.findRegion(region).getPartnerApplicationId());
        assertEquals(version, fx.detail(id).get("version").longValue());
    }

    @Test
    void ofTwentyConcurrentAcceptancesInOneRegionExactlyOneWins() throws Exception {
        String region = fx.region();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = applyAs(region, "Racer " + i, "Racer" + i);
            fx.move(id, "pending", 1);
            ids.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        for (String id : ids) {
            answers.add(pool.submit(() -> {
                start.await();
                return accept(id, 2, null);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<TestHttp.Response> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS).status());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        String winner = ids.get(statuses.indexOf(200));
        assertEquals(winner, fx.findRegion(region).getPartnerApplicationId());
        assertEquals(1L, fx.regionCounts(region).get("accepted"));
        assertEquals(19L, fx.regionCounts(region).get("pending"));
    }

    @Test
    void closeOutMovesTheRegionsOtherOpenApplicationsEachWithItsOwnLogEntryAndEmail() {
        String region = fx.region();
        String partner = applyAs(region, "Partner Org", "Partner");
        String unreviewed = applyAs(region, "Late Org", "Late");
        String interview = applyAs(region, "Talking Org", "Talking");
        String declined = applyAs(region, "Gone Org", "Gone");
        fx.move(interview, "interview", 1);
        fx.move(declined, "declined", 1);
        TestHttp.Response early = fx.http.post("/admin/regions/" + region + "/close-out", Map.of("status", "declined"),
                "Authorization", fx.reviewer);
        assertEquals(409, early.status(), "no partner yet: " + early);
        assertEquals(200, accept(partner, fx.move(partner, "pending", 1), null).status());

        TestHttp.Response bad = fx.http.post("/admin/regions/" + region + "/close-out", Map.of("status", "accepted"),
                "Authorization", fx.reviewer);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("status"), bad.errorFields());

        TestHttp.Response report = fx.http.post("/admin/regions/" + region + "/close-out",
                Map.of("status", "waitlisted", "note", "Region filled."), "Authorization", fx.reviewer);
        assertEquals(200, report.status(), report::toString);
        assertEquals(List.of(interview, unreviewed).stream().sorted().toList(),
                report.json().get("moved").findValuesAsText("id").stream().sorted().toList(), report::toString);
        assertEquals(0, report.json().get("skipped").size(), report::toString);
        for (String id : List.of(unreviewed, interview)) {
            JsonNode detail = fx.detail(id);
            assertEquals("waitlisted", detail.get("status").textValue());
            JsonNode last = detail.get("statusLog").get(detail.get("statusLog").size() - 1);
            assertEquals("Region filled.", last.get("note").textValue());
            assertFalse(detail.get("regionFilled").asBoolean());
        }
        assertEquals("declined", fx.detail(declined).get("status").textValue(), "final applications stay as they are");
        assertEquals("accepted", fx.detail(partner).get("status").textValue());
        TestHttp.Response again = fx.http.post("/admin/regions/" + region + "/close-out", Map.of("status", "declined"),
                "Authorization", fx.reviewer);
        assertEquals(0, again.json().get("moved").size(), again::toString);
    }

    @Test
    void closeOutSkipsAnApplicationTheReviewerIsRecusedFromAndSaysSo() {
        String region = fx.region();
        String partner = applyAs(region, "Chosen Org", "Chosen");
        String conflicted = applyAs(region, "Board Member Org", "Board");
        assertEquals(200, accept(partner, fx.move(partner, "pending", 1), null).status());
        assertEquals(201, fx.http.post("/admin/applications/" + conflicted + "/recusal", Map.of(), "Authorization", fx.reviewer).status());
        TestHttp.Response report = fx.http.post("/admin/regions/" + region + "/close-out", Map.of("status", "declined"),
                "Authorization", fx.reviewer);
        assertEquals(200, report.status(), report::toString);
        assertEquals(0, report.json().get("moved").size(), report::toString);
        JsonNode skipped = report.json().get("skipped").get(0);
        assertEquals(conflicted, skipped.get("id").textValue());
        assertEquals("you are recused from it", skipped.get("reason").textValue(), skipped::toString);
        assertEquals("unreviewed", fx.detail(conflicted).get("status").textValue());
    }

    @Test
    void thePreviewIsTheExactEmailTheDecisionSends() {
        String region = fx.region();
        String id = applyAs(region, "Preview Partners", "Preview");
        long version = fx.move(id, "pending", 1);
        TestHttp.Response preview = fx.http.get("/admin/applications/" + id + "/decision-preview?status=accepted",
                "Authorization", fx.reviewer);
        assertEquals(200, preview.status(), preview::toString);
        JsonNode email = preview.json().get("email");
        assertEquals("ada.preview@example.org", email.get("to").textValue());
        assertTrue(email.get("subject").textValue().contains("Preview Partners"), email.toString());
        assertTrue(preview.json().get("noteIsInternal").asBoolean());
        assertEquals(0, preview.json().get("holdMinutes").asLong(), "tests run with no hold");

        assertTrue(fx.http.get("/admin/applications/" + id + "/decision-preview?status=pending", "Authorization", fx.reviewer)
                .json().path("email").isMissingNode(), "a move without an email previews none");
        TestHttp.Response bad = fx.http.get("/admin/applications/" + id + "/decision-preview?status=hired", "Authorization", fx.reviewer);
        assertEquals(400, bad.status());
        assertEquals(List.of("status"), bad.errorFields());
        assertEquals(409, fx.http.get("/admin/applications/" + id + "/decision-preview?status=unreviewed", "Authorization", fx.reviewer)
                .status(), "a move the workflow refuses");

        assertEquals(200, accept(id, version, null).status());
        JsonNode sent = awaitMail("ada.preview@example.org", email.get("subject").textValue());
        assertEquals(email.get("text").textValue(), sent.get("text").textValue());
    }

    private JsonNode awaitMail(String to, String subject) {
        JsonNode[] found = new JsonNode[1];
        TestCloud.awaitTrue("the decision email", () -> {
            for (JsonNode mail : fx.http.get("/local/mail").json()) {
                if (to.equals(mail.path("to").asText()) && subject.equals(mail.path("subject").asText())) {
                    found[0] = mail;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
