package org.code.plp.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.code.plp.counters.Counters;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;

/** Withdrawing and correcting contact details from the status link, as staff then see it. */
class WithdrawAndCorrectTest {
    private final ApplicantFixture fx = new ApplicantFixture();

    @Test
    void withdrawNeedsConfirmingMovesCountersAndTheLogNamesTheApplicant() {
        String region = fx.region();
        String email = ApplicantFixture.address();
        String id = fx.apply(ApplicantFixture.form(region, "Acme", email));
        String token = fx.statusToken(email);
        String auth = "Bearer " + token;

        TestHttp.Response unconfirmed = fx.http.post("/status/withdraw", Map.of(), "Authorization", auth);
        assertEquals(400, unconfirmed.status(), unconfirmed::toString);
        assertEquals(List.of("confirm"), unconfirmed.errorFields());
        assertEquals("unreviewed", fx.detail(id).get("status").textValue(), "nothing changed");
        assertEquals(401, fx.http.post("/status/withdraw", Map.of("confirm", true)).status());

        TestHttp.Response withdrawn = fx.http.post("/status/withdraw", Map.of("confirm", true), "Authorization", auth);
        assertEquals(200, withdrawn.status(), withdrawn::toString);
        assertEquals("withdrawn", withdrawn.json().get("status").textValue());
        assertFalse(withdrawn.json().get("canWithdraw").booleanValue());
        assertEquals("You withdrew the application.", withdrawn.json().get("timeline").get(1).get("what").textValue());

        JsonNode detail = fx.detail(id);
        assertEquals("withdrawn", detail.get("status").textValue());
        assertEquals(2, detail.get("version").longValue());
        JsonNode entry = detail.get("statusLog").get(1);
        assertEquals("applicant", entry.get("by").textValue());
        assertEquals("withdrawn", entry.get("status").textValue());
        assertEquals(Map.of("unreviewed", 0L, "withdrawn", 1L),
                new Counters(fx.cloud.platform()).read(Counters.applicationsInRegion(region)));

        TestHttp.Response again = fx.http.post("/status/withdraw", Map.of("confirm", true), "Authorization", auth);
        assertEquals(409, again.status(), again::toString);
    }

    @Test
    void correctionsWhileUnreviewedAreLoggedAndANewEmailCountsOnlyOnceConfirmedFromIt() {
        String email = ApplicantFixture.address();
        String id = fx.apply(ApplicantFixture.form(fx.region(), "Acme", email));
        String auth = "Bearer " + fx.statusToken(email);

        TestHttp.Response bad = fx.http.put("/status/contact", Map.of("firstName", "", "lastName", "Lovelace",
                "phone", "12", "email", email), "Authorization", auth);
        assertEquals(400, bad.status());
        assertTrue(bad.errorFields().containsAll(List.of("firstName", "phone")), bad::toString);

        TestHttp.Response fixed = fx.http.put("/status/contact", Map.of("firstName", "Ada", "lastName", "King",
                "title", "Executive Director", "phone", "504-555-0199", "email", email), "Authorization", auth);
        assertEquals(200, fixed.status(), fixed::toString);
        assertEquals("King", fixed.json().get("contact").get("lastName").textValue());
        JsonNode detail = fx.detail(id);
        assertEquals("504-555-0199", detail.get("application").get("programManager").get("phone").textValue());
        assertEquals("Ada King", detail.get("contactName").textValue());
        assertEquals(2, detail.get("version").longValue());
        JsonNode logged = detail.get("statusLog").get(1);
        assertEquals("applicant", logged.get("by").textValue());
        assertEquals("unreviewed", logged.get("status").textValue());
        assertTrue(logged.get("note").textValue().contains("lastName, title, phone"), logged::toString);

        String newEmail = ApplicantFixture.address();
        TestHttp.Response asked = fx.http.put("/status/contact", Map.of("firstName", "Ada", "lastName", "King",
                "title", "Executive Director", "phone", "504-555-0199", "email", newEmail), "Authorization", auth);
        assertEquals(200, asked.status(), asked::toString);
        assertEquals(newEmail, asked.json().get("emailConfirmationSentTo").textValue());
        assertEquals(email, fx.detail(id).get("contactEmail").textValue(), "not changed until confirmed");
        String confirm = ApplicantFixture.link(fx.confirmLink, fx.mail(newEmail, "Confirm your new email", 1).getFirst());

        assertEquals(401, fx.http.post("/status/email-confirmation", Map.of("token", "x".repeat(43))).status());
        TestHttp.Response confirmed = fx.http.post("/status/email-confirmation", Map.of("token", confirm));
        assertEquals(200, confirmed.status(), confirmed::toString);
        detail = fx.detail(id);
        assertEquals(newEmail, detail.get("contactEmail").textValue());
        assertEquals(newEmail, detail.get("application").get("programManager").get("email").textValue());
        assertEquals(4, detail.get("statusLog").size(), "correction, email requested, email confirmed");
        assertEquals(401, fx.http.post("/status/email-confirmation", Map.of("token", confirm)).status(), "a confirmation link works once");
        assertEquals(id, fx.status(auth.substring(7)).json().get("id").textValue());

        assertEquals(200, fx.decide(id, "pending", 4).status());
        TestHttp.Response late = fx.http.put("/status/contact", Map.of("firstName", "Ada", "lastName", "Byron",
                "phone", "504-555-0199", "email", newEmail), "Authorization", auth);
        assertEquals(409, late.status(), late::toString);
        assertEquals("King", fx.detail(id).get("application").get("programManager").get("lastName").textValue());
    }

    @Test
    void aConfirmedNewEmailMovesThePossibleDuplicateFlagToTheNewAddress() {
        String region = fx.region();
        String taken = ApplicantFixture.address();
        String old = ApplicantFixture.address();
        String first = fx.apply(ApplicantFixture.form(region, "Alpha " + TestCloud.uniqueId("o"), taken));
        String mover = fx.apply(ApplicantFixture.form(region, "Beta " + TestCloud.uniqueId("o"), old));
        assertFalse(fx.detail(first).get("possibleDuplicate").booleanValue());
        assertFalse(fx.detail(mover).get("possibleDuplicate").booleanValue());

        TestHttp.Response asked = fx.http.put("/status/contact", Map.of("firstName", "Ada", "lastName", "Lovelace",
                "phone", "504-555-0199", "email", taken), "Authorization", "Bearer " + fx.statusToken(old));
        assertEquals(200, asked.status(), asked::toString);
        String confirm = ApplicantFixture.link(fx.confirmLink, fx.mail(taken, "Confirm your new email", 1).getFirst());
        assertEquals(200, fx.http.post("/status/email-confirmation", Map.of("token", confirm)).status());

        assertTrue(fx.detail(mover).get("possibleDuplicate").booleanValue(), "now shares its address with the first");
        assertTrue(fx.detail(first).get("possibleDuplicate").booleanValue());
        assertEquals(List.of(first), fx.detail(mover).get("duplicates").findValuesAsText("id"));
        String later = fx.apply(ApplicantFixture.form(region, "Gamma " + TestCloud.uniqueId("o"), old));
        assertFalse(fx.detail(later).get("possibleDuplicate").booleanValue(), "the old address is no longer counted");
    }
}
