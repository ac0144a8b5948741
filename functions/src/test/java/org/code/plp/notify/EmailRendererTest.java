package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmailRendererTest {
    private static final String EVIL = "<script>alert('x')</script> & Sons \"Ltd\"";
    private final EmailRenderer renderer = new EmailRenderer(new EmailCopy(),
            new Env(Map.of("STAFF_EMAIL", "partners@code.org", "ALLOWED_ORIGIN", "https://code.org")));

    private static Map<String, String> application(String organization) {
        Map<String, String> data = new HashMap<>();
        data.put("applicationId", "app-123");
        data.put("firstName", "Ada");
        data.put("lastName", "Lovelace");
        data.put("email", "ada@example.org");
        data.put("organizationName", organization);
        data.put("regionName", "New Orleans, LA");
        data.put("regionId", "new-orleans-la");
        return data;
    }

    private static OutboxItem item(EmailType type, Map<String, String> data) {
        return OutboxItem.pending(type, "src-1", null, data.get("email"), data, Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void confirmationGoesToTheApplicantWithTheProgramsFacts() {
        Email email = renderer.render(item(EmailType.CONFIRMATION, application("Crescent City STEM")));
        assertEquals("ada@example.org", email.to());
        assertEquals("We received your Code.org Professional Learning Partner application", email.subject());
        assertTrue(email.text().startsWith("Hello Ada,"));
        assertTrue(email.text().contains("Crescent City STEM") && email.text().contains("New Orleans, LA"));
        assertTrue(email.text().contains("Facilitation Summit"), "next steps mention the summer summit");
        assertTrue(email.text().contains("program manager"));
        assertTrue(email.text().contains("app-123"));
        assertTrue(email.html().contains("<strong>Crescent City STEM</strong>"));
        assertTrue(email.html().contains("mailto:partners@code.org"));
    }

    @Test
    void newApplicationGoesToTheStaffInbox() {
        Email email = renderer.render(item(EmailType.NEW_APPLICATION, application("Crescent City STEM")));
        assertEquals("partners@code.org", email.to());
        assertEquals("New partner application: Crescent City STEM for New Orleans, LA", email.subject());
        assertTrue(email.text().contains("Program manager: Ada Lovelace <ada@example.org>"));
        assertTrue(email.html().contains("Ada Lovelace &lt;ada@example.org&gt;"));
        assertTrue(email.text().contains("https://code.org/admin.html"));
    }

    @Test
    void organizationNameIsEscapedInHtmlAndKeptAsTypedInText() {
        for (EmailType type : new EmailType[] {EmailType.CONFIRMATION, EmailType.NEW_APPLICATION, EmailType.ACCEPTED}) {
            Email email = renderer.render(item(type, application(EVIL)));
            assertFalse(email.html().contains("<script>"), type + " html carries a live script tag");
            assertTrue(email.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons &quot;Ltd&quot;"), type.id());
            assertTrue(email.text().contains(EVIL), type + " text should show the name as typed");
            assertTrue(email.html().startsWith("<!DOCTYPE html>") && email.html().contains("</html>"), "wrapped in the layout");
            assertTrue(email.html().contains("<title>" + Html.escape(email.subject()) + "</title>"));
        }
    }

    @Test
    void lineBreaksInValuesNeverReachTheSubject() {
        Email email = renderer.render(item(EmailType.NEW_APPLICATION, application("Acme\r\nBcc: everyone@example.org")));
        assertEquals("New partner application: Acme Bcc: everyone@example.org for New Orleans, LA", email.subject());
        assertFalse(email.subject().contains("\r") || email.subject().contains("\n"));
    }

    @Test
    void aRecipientWithCrLfIsRefusedForGood() {
        Map<String, String> data = application("Acme");
        data.put("email", "ada@example.org\r\nBcc: everyone@example.org");
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> renderer.render(item(EmailType.CONFIRMATION, data)));
        assertTrue(failure.isPermanent());
    }

    @Test
    void interestEmailsUseFallbacksForFieldsLeftEmpty() {
        Map<String, String> data = Map.of("interestId", "int-9", "email", "teacher@example.org", "role", "teacher", "zip", "59001");
        Email receipt = renderer.render(item(EmailType.INTEREST_RECEIPT, data));
        assertEquals("teacher@example.org", receipt.to());
        assertTrue(receipt.text().startsWith("Hello there,"));
        assertTrue(receipt.text().contains("near you."));
        Email staff = renderer.render(item(EmailType.INTEREST_STAFF, data));
        assertEquals("partners@code.org", staff.to());
        assertEquals("Interest form: no city given, no state 59001 (teacher), region: none matched", staff.subject());
        assertTrue(staff.text().contains("Matched region: none matched"));
    }

    @Test
    void theStaffEmailOfAZipOnlyFormNamesTheRegionItMatched() {
        Map<String, String> data = Map.of("interestId", "int-10", "email", "teacher@example.org", "role", "teacher",
                "zip", "70115", "state", "LA", "regionId", "new-orleans-la", "regionName", "Greater New Orleans");
        Email staff = renderer.render(item(EmailType.INTEREST_STAFF, data));
        assertEquals("Interest form: no city given, LA 70115 (teacher), region: Greater New Orleans", staff.subject());
        assertTrue(staff.text().contains("Matched region: Greater New Orleans"), staff.text());
        assertTrue(staff.html().contains("Greater New Orleans"));
    }

    @ParameterizedTest
    @EnumSource(value = EmailType.class, names = {"INTERVIEW", "ACCEPTED", "DECLINED", "WAITLISTED"})
    void decisionEmailsNameTheOrganizationAndRegion(EmailType type) {
        Email email = renderer.render(item(type, application("Crescent City STEM")));
        assertEquals("ada@example.org", email.to());
        assertTrue(email.text().contains("Crescent City STEM") && email.text().contains("New Orleans, LA"), type.id());
        assertTrue(email.html().contains("Crescent City STEM") && email.html().contains("app-123"), type.id());
        assertFalse(email.subject().isBlank());
    }

    @Test
    void unknownTypesAreAPermanentFailure() {
        OutboxItem item = item(EmailType.CONFIRMATION, application("Acme"));
        item.setType("newsletter");
        assertTrue(assertThrows(DeliveryFailure.class, () -> renderer.render(item)).isPermanent());
    }
}
