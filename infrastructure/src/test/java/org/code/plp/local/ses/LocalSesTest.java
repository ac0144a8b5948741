package org.code.plp.local.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.code.plp.notify.DeliveryFailure;
import org.code.plp.notify.Email;
import org.code.plp.notify.SesMailer;
import org.code.plp.platform.Env;
import org.code.plp.platform.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The local SESv2 endpoint against the real SESv2 client, and how SesMailer reads its faults. */
class LocalSesTest {
    private final LocalSes ses = new LocalSes(Clock.systemUTC());
    private SesV2Client client;
    private SesMailer mailer;

    @BeforeEach
    void start() throws Exception {
        ses.start(0);
        Env env = new Env(Map.of("SES_ENDPOINT", ses.endpoint().toString(), "AWS_REGION", "us-east-1",
                "SENDER_EMAIL", "partners@code.org", "STAFF_EMAIL", "staff@code.org", "SES_CONFIGURATION_SET", "plp-email-dev"));
        client = Platform.sesClient(env);
        mailer = new SesMailer(() -> client, env);
    }

    @AfterEach
    void stop() {
        client.close();
        ses.stop();
    }

    private static Email email() {
        return new Email("confirmation", "ada@example.org", "Grüße – your application", "Text ✓", "<p>Html ✓</p>");
    }

    @Test
    void capturesASimpleSendEmailWithEveryField() {
        String messageId = mailer.send(email());
        CapturedMail mail = ses.mail().getLast();
        assertEquals(messageId, mail.messageId());
        assertEquals("ada@example.org", mail.to());
        assertEquals("partners@code.org", mail.from());
        assertEquals("staff@code.org", mail.replyTo());
        assertEquals("Grüße – your application", mail.subject());
        assertEquals("Text ✓", mail.text());
        assertEquals("<p>Html ✓</p>", mail.html());
        assertEquals("plp-email-dev", mail.configurationSet());
    }

    @Test
    void capturesARawMimeMessage() {
        String mime = String.join("\r\n",
                "From: Partners <partners@code.org>",
                "To: grace@example.org",
                "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("Grüße".getBytes(StandardCharsets.UTF_8)) + "?=",
                "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=\"b1\"",
                "",
                "--b1",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Hello =E2=9C=93 soft=",
                "break",
                "--b1",
                "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: base64",
                "",
                java.util.Base64.getEncoder().encodeToString("<p>Hi ✓</p>".getBytes(StandardCharsets.UTF_8)),
                "--b1--",
                "");
        client.sendEmail(r -> r.destination(d -> d.toAddresses("grace@example.org"))
                .content(c -> c.raw(raw -> raw.data(SdkBytes.fromString(mime, StandardCharsets.UTF_8)))));
        CapturedMail mail = ses.mail().getLast();
        assertEquals("grace@example.org", mail.to());
        assertEquals("Partners <partners@code.org>", mail.from());
        assertEquals("Grüße", mail.subject());
        assertEquals("Hello ✓ softbreak", mail.text());
        assertEquals("<p>Hi ✓</p>", mail.html());
    }

    @Test
    void a500IsATransientFailure() throws Exception {
        ses.fault(LocalSes.Fault.FAIL_500);
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> mailer.send(email()));
        assertFalse(failure.isPermanent());
        assertTrue(ses.mail().isEmpty());
    }

    @Test
    void aRefusedConnectionIsATransientFailureAndTheSamePortServesAgainAfterwards() throws Exception {
        ses.fault(LocalSes.Fault.REFUSE);
        assertFalse(assertThrows(DeliveryFailure.class, () -> mailer.send(email())).isPermanent());
        ses.fault(LocalSes.Fault.OFF);
        mailer.send(email());
        assertEquals(1, ses.mail().size());
    }

    @Test
    void aRejectedMessageIsRetriedLikeAnOutage() throws Exception {
        // SES rejects every message while the identity is unverified or sending is paused: worth a retry (up to the limit).
        ses.fault(LocalSes.Fault.REJECT);
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> mailer.send(email()));
        assertFalse(failure.isPermanent(), failure.getMessage());
        assertTrue(failure.getMessage().contains("MessageRejected"), failure.getMessage());
    }

    @Test
    void aRecipientWithALineBreakNeverReachesSes() {
        Email injected = new Email("confirmation", "ada@example.org\r\nBcc: all@example.org", "s", "t", "h");
        assertTrue(assertThrows(DeliveryFailure.class, () -> mailer.send(injected)).isPermanent());
        assertTrue(ses.mail().isEmpty());
    }

    @Test
    void thePageEscapesWhatItShows() {
        String page = MailPages.page(List.of(new CapturedMail("a@example.org", "partners@code.org", null,
                "<b>subject</b>", "<script>x</script>", "<p onclick=\"x\">hi</p>", "2026-11-23T10:00:00Z", "local-1", null)));
        assertFalse(page.contains("<script>x"));
        assertFalse(page.contains("<b>subject"));
        assertTrue(page.contains("&lt;b&gt;subject&lt;/b&gt;"));
        assertTrue(page.contains("srcdoc=\"&lt;p onclick=&quot;x&quot;&gt;hi&lt;/p&gt;\""));
        assertNull(MimeMessages.parse("Subject: x\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII)).html());
    }
}
