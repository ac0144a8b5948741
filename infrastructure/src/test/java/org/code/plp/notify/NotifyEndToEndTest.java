package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.code.plp.local.TestCloud;
import org.code.plp.outbox.OutboxItem;
import org.junit.jupiter.api.Test;

/** Over HTTP on the local cloud: submit -> OutboxTable stream -> Notify -> SESv2 -> /local/mail. */
class NotifyEndToEndTest {
    private static final String EVIL = "<script>alert(1)</script> Academy";
    private final TestCloud cloud = TestCloud.shared();
    private final Mailbox mailbox = new Mailbox(cloud);

    @Test
    void anApplicationMailsTheApplicantAndTheStaffOnceWithTheNameEscapedInHtml() {
        String manager = TestCloud.uniqueId("ada") + "@example.org";
        String id = Forms.submitApplication(cloud, EVIL, manager);

        JsonNode confirmation = mailbox.await(Mailbox.to(manager), 1).getFirst();
        assertEquals("partners@code.org", confirmation.path("from").asText());
        assertEquals("partners@code.org", confirmation.path("replyTo").asText());
        assertEquals("We received your Code.org Professional Learning Partner application", confirmation.path("subject").asText());
        assertTrue(confirmation.path("text").asText().contains("on behalf of " + EVIL + "."), "text keeps the name as typed");
        assertTrue(confirmation.path("text").asText().contains(id));
        String html = confirmation.path("html").asText();
        assertFalse(html.contains("<script>"), "no live script in the HTML part");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Academy"));
        assertFalse(confirmation.path("sentAt").asText().isEmpty());

        JsonNode staff = mailbox.await(Mailbox.mentioning(id), 2).stream()
                .filter(Mailbox.to("partners@code.org")).findFirst().orElseThrow();
        assertEquals("New partner application: " + EVIL + " for Greater New Orleans", staff.path("subject").asText());
        assertTrue(staff.path("text").asText().contains(manager));
        assertFalse(staff.path("html").asText().contains("<script>"));
        String link = cloud.baseUri() + "/admin.html?open=" + id;
        assertTrue(staff.path("text").asText().contains(link), "the staff email links to the application on this cloud's console");
        assertTrue(staff.path("html").asText().contains("href=\"" + link + "\""), staff.path("html").asText());

        Mailbox.awaitTrue("both outbox items sent", () -> OutboxItem.SENT.equals(mailbox.outboxState(id + "#confirmation"))
                && OutboxItem.SENT.equals(mailbox.outboxState(id + "#new_application")));
        assertTrue(mailbox.outbox(id + "#confirmation").getMessageId().startsWith("local-"), "SES message id recorded");
        assertEquals(2, mailbox.matching(Mailbox.mentioning(id)).size(), "each email exactly once");
    }

    @Test
    void anInterestFormMailsAReceiptAndTheStaff() {
        String email = TestCloud.uniqueId("teacher") + "@example.org";
        String id = Forms.submitInterest(cloud, "Grace Hopper", email);

        JsonNode receipt = mailbox.await(Mailbox.to(email), 1).getFirst();
        assertEquals("Thanks for your interest in Code.org professional learning", receipt.path("subject").asText());
        assertTrue(receipt.path("text").asText().startsWith("Hello Grace Hopper,"));
        assertTrue(receipt.path("text").asText().contains("near Billings"));

        List<JsonNode> staff = mailbox.await(Mailbox.mentioning(id).and(Mailbox.to("partners@code.org")), 1);
        assertEquals("Interest form: Billings, MT 59101 (teacher), region: South Central Montana", staff.getFirst().path("subject").asText());
        assertTrue(staff.getFirst().path("text").asText().contains("Email: " + email));
    }

    @Test
    void theMailPageListsMessagesEscaped() {
        String manager = TestCloud.uniqueId("page") + "@example.org";
        Forms.submitApplication(cloud, EVIL, manager);
        mailbox.await(Mailbox.to(manager), 1);

        var page = cloud.http().get("/local/mail.html");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains(manager));
        assertFalse(page.body().contains("<script>alert(1)"), "captured values are escaped on the page");
        assertTrue(page.body().contains("<iframe sandbox"), "HTML parts are shown inert");
    }
}
