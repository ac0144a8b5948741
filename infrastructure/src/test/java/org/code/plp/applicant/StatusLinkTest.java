package org.code.plp.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.code.plp.applicant.AccessTokens.Grant;
import org.code.plp.applicant.AccessTokens.Purpose;
import org.code.plp.local.ApiEvents;
import org.code.plp.local.TestClock;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The private status link: minted at send time, stored only as a hash, its page, its lifetime, and asking for it again. */
class StatusLinkTest {
    private final ApplicantFixture fx = new ApplicantFixture();

    @Test
    void theConfirmationCarriesAStatusLinkAndEscapedAnswersAndOnlyTheTokensHashIsStoredOrLogged() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(new Tee(out, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, captured), true, StandardCharsets.UTF_8));
        String email = ApplicantFixture.address();
        String id;
        JsonNode mail;
        try {
            id = fx.apply(ApplicantFixture.form(fx.region(), "Bayou <b>Code</b> & Co", email));
            mail = fx.mail(email, "We received your", 1).getFirst();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String token = ApplicantFixture.link(fx.statusLink, mail);
        assertTrue(mail.path("text").asText().contains("Organization: Bayou <b>Code</b> & Co"), mail::toString);
        assertTrue(mail.path("text").asText().contains("District relationships: Twelve districts."));
        assertTrue(mail.path("html").asText().contains("Bayou &lt;b&gt;Code&lt;/b&gt; &amp; Co"), mail::toString);
        assertFalse(mail.path("html").asText().contains("<b>Code</b>"));
        assertTrue(mail.path("html").asText().contains("status.html#token=" + token));

        assertFalse(captured.toString(StandardCharsets.UTF_8).contains(token), "a log line holds the raw token");
        for (String table : List.of("AccessTokensTable", "OutboxTable", "ApplicationsTable", "ApplicationLogTable")) {
            for (Map<String, AttributeValue> item : fx.scan(table)) {
                assertFalse(item.toString().contains(token), table + " holds the raw token");
            }
        }
        Map<String, AttributeValue> stored = fx.cloud.dynamo().getItem(r -> r.tableName(fx.cloud.table("AccessTokensTable"))
                .key(Map.of("tokenHash", AttributeValue.fromS(AccessTokens.hash(token))))).item();
        assertEquals(id, stored.get("subjectId").s());
        assertEquals("STATUS", stored.get("purpose").s());
        assertEquals(64, AccessTokens.hash(token).length());

        JsonNode page = fx.status(token).json();
        assertEquals(id, page.get("id").textValue());
        assertEquals("Bayou <b>Code</b> & Co", page.get("organizationName").textValue());
        assertTrue(page.get("regionName").textValue().startsWith("Applicant Test "));
        assertEquals("unreviewed", page.get("status").textValue());
        assertEquals("Received, waiting for review", page.get("statusText").textValue());
        assertFalse(page.get("next").textValue().isBlank());
        assertEquals("You applied.", page.get("timeline").get(0).get("what").textValue());
        assertTrue(page.get("answers").findValuesAsText("label").contains("Funding plan"));
        assertEquals("2026-1", fx.detail(id).get("application").get("termsVersion").textValue(), "staff see the terms agreed to");
        assertTrue(mail.path("text").asText().contains("Terms version agreed to: 2026-1"));
        assertTrue(page.get("canWithdraw").booleanValue());
        assertTrue(page.get("canCorrect").booleanValue());
    }

    @Test
    void aMissingForgedOrWrongPurposeTokenGetsTheSame401() {
        String id = fx.apply(ApplicantFixture.form(fx.region(), "Acme", ApplicantFixture.address()));
        AccessTokens tokens = new AccessTokens(fx.cloud.platform("ApplicantStatusFunction"));
        String resume = tokens.mint(new Grant(Purpose.RESUME, id, null, Instant.now().plusSeconds(3600)));
        TestHttp.Response none = fx.http.get("/status");
        for (TestHttp.Response response : List.of(none, fx.status("x".repeat(43)), fx.status("not a token"), fx.status(resume))) {
            assertEquals(401, response.status(), response::toString);
            assertEquals(none.json().get("detail"), response.json().get("detail"));
            assertTrue(response.contentType().startsWith("application/problem+json"));
        }
    }

    @Test
    void aStatusLinkWorksUntilNinetyDaysAfterTheDecisionAndNeverPastItsOwnExpiry() {
        String id = fx.apply(ApplicantFixture.form(fx.region(), "Acme", ApplicantFixture.address()));
        assertEquals(200, fx.decide(id, "declined", 1).status());
        Instant decidedAt = Instant.parse(fx.detail(id).get("statusLog").get(1).get("at").textValue());
        TestClock clock = new TestClock(decidedAt);
        var platform = fx.platform("ApplicantStatusFunction", clock);
        String token = new AccessTokens(platform).mint(new Grant(Purpose.STATUS, id, null, decidedAt.plus(Duration.ofDays(400))));
        ApplicantStatusHandler handler = new ApplicantStatusHandler(platform);

        clock.set(decidedAt.plus(StatusService.AFTER_DECISION).minusSeconds(1));
        var open = handler.handleRequest(ApiEvents.get("/status", "Authorization", "Bearer " + token), null);
        assertEquals(200, open.getStatusCode(), open::getBody);
        assertEquals("Not selected", ApiEvents.json(open).get("statusText").textValue());
        assertEquals(org.code.plp.platform.Timestamps.format(decidedAt.plus(StatusService.AFTER_DECISION)), ApiEvents.json(open).get("linkValidUntil").textValue());
        assertEquals(1, ApiEvents.json(open).get("timeline").size() - 1, "the decision is one entry");
        assertFalse(ApiEvents.json(open).toString().contains("Internal: declined"), "decision notes are internal");

        clock.set(decidedAt.plus(StatusService.AFTER_DECISION));
        assertEquals(401, handler.handleRequest(ApiEvents.get("/status", "Authorization", "Bearer " + token), null).getStatusCode());

        String open2 = fx.apply(ApplicantFixture.form(fx.region(), "Acme", ApplicantFixture.address()));
        clock.set(Instant.now());
        String shortLived = new AccessTokens(platform).mint(new Grant(Purpose.STATUS, open2, null, Instant.now().plusSeconds(60)));
        assertEquals(200, handler.handleRequest(ApiEvents.get("/status", "Authorization", "Bearer " + shortLived), null).getStatusCode());
        clock.set(Instant.now().plusSeconds(60));
        assertEquals(401, handler.handleRequest(ApiEvents.get("/status", "Authorization", "Bearer " + shortLived), null).getStatusCode());
    }

    @Test
    void emailMeMyLinkAgainAnswersAlikeSendsOnlyToTheAddressAndIsRateLimited() {
        String email = ApplicantFixture.address();
        String id = fx.apply(ApplicantFixture.form(fx.region(), "Acme", email));
        String first = fx.statusToken(email);

        TestHttp.Response known = fx.http.post("/status/link", Map.of("email", email));
        TestHttp.Response unknown = fx.http.post("/status/link", Map.of("email", ApplicantFixture.address()));
        assertEquals(202, known.status(), known::toString);
        assertEquals(202, unknown.status());
        assertEquals(known.body(), unknown.body());
        JsonNode resent = fx.mail(email, "status link", 1).getFirst();
        String second = ApplicantFixture.link(fx.statusLink, resent);
        assertNotEquals(first, second);
        assertEquals(id, fx.status(second).json().get("id").textValue());
        assertEquals(id, fx.status(first).json().get("id").textValue(), "an earlier link keeps working");

        assertEquals(List.of("email"), fx.http.post("/status/link", Map.of("email", "nope")).errorFields());

        // Per address: three an hour, then the same 202 and nothing queued.
        TestClock clock = new TestClock(Instant.parse("2030-01-01T10:00:00Z"));
        ApplicantStatusHandler handler = new ApplicantStatusHandler(fx.platform("ApplicantStatusFunction", clock));
        for (int i = 1; i <= 4; i++) {
            var response = handler.handleRequest(linkRequest(email, "198.51.100." + i), null);
            assertEquals(202, response.getStatusCode());
            assertEquals(known.body(), response.getBody());
        }
        assertEquals(1 + 3, linksQueued(id), "the fourth request within the hour queued nothing");
        clock.set(Instant.parse("2030-01-01T11:00:00Z"));
        handler.handleRequest(linkRequest(email, "198.51.100.9"), null);
        assertEquals(1 + 4, linksQueued(id), "a new hour, a new allowance");

        // Per IP: twenty an hour from one client, then 429 (which says nothing about any address).
        String ip = "203.0.113." + (int) (Math.random() * 250 + 1);
        for (int i = 0; i < LinkRequests.PER_IP.max(); i++) {
            assertEquals(202, handler.handleRequest(linkRequest(ApplicantFixture.address(), ip), null).getStatusCode());
        }
        var limited = handler.handleRequest(linkRequest(ApplicantFixture.address(), ip), null);
        assertEquals(429, limited.getStatusCode(), limited::getBody);
    }

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent linkRequest(String email, String ip) {
        var event = ApiEvents.post("/status/link", Map.of("email", email));
        event.getRequestContext().setIdentity(new com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent
                .RequestIdentity().withSourceIp(ip));
        return event;
    }

    private long linksQueued(String applicationId) {
        return fx.scan("OutboxTable").stream()
                .filter(item -> applicationId.equals(item.get("sourceId").s()) && "status_link".equals(item.get("type").s()))
                .count();
    }

    /** Copies everything written to a stream into a buffer as well. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
