package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.code.plp.local.ProjectPaths;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/** The applicant's status page and save-and-finish-later in Debian's chromium, checked by axe-core. */
class ApplicantPagesBrowserTest {
    @RegisterExtension
    static final BrowserSession session = new BrowserSession("FAILED-applicant-");

    private final TestCloud cloud = TestCloud.shared();
    private final TestHttp http = cloud.http();
    private final String base = session.base;
    private final Browser browser = session.browser;

    @Test
    void theStatusPageShowsTheApplicationCorrectsContactAndWithdrawsAfterConfirming() {
        String email = TestCloud.uniqueId("sp") + "@example.org";
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("regionId", "new-orleans-la");
        form.put("organization", Map.of("name", "Status <Page> Org", "type", "nonprofit",
                "address", Map.of("street", "1 Canal St", "city", "New Orleans", "state", "LA", "zip", "70112"), "phone", "504-555-0100"));
        form.put("programManager", Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email, "phone", "504-555-0101"));
        form.put("programs", List.of("csp"));
        form.put("districtRelationships", "Twelve districts.");
        form.put("pdExperience", "Ten years.");
        form.put("fundingPlan", "Grants and <script>contracts</script>.");
        form.put("agreedToTerms", true);
        TestHttp.Response created = http.post("/applications", form, "Idempotency-Key", TestCloud.uniqueId("key"));
        assertEquals(201, created.status(), created::toString);
        String statusUrl = link("/status.html#token=", email, "We received your");
        String token = token(statusUrl);

        browser.open(statusUrl);
        browser.waitFor().until(d -> "Received, waiting for review".equals(browser.find("#s-status").getText()));
        assertFalse(((String) browser.js("return location.href")).contains(token), "the token leaves the address bar");
        assertEquals("Status <Page> Org", browser.find("#s-organization").getText());
        assertEquals(1, browser.findAll("#s-timeline li").size());
        assertTrue(browser.find("#s-answers").getText().contains("Grants and <script>contracts</script>."));
        assertEquals(List.of(), Axe.seriousViolations(browser), "status page");
        browser.fullScreenshot("status-page");

        browser.find("#c-phone").clear();
        browser.find("#c-phone").sendKeys("504-555-0199");
        browser.find("#contact-form button[type=submit]").click();
        browser.waitFor().until(d -> "Saved.".equals(browser.find("#contact-status").getText()));
        assertEquals(2, browser.findAll("#s-timeline li").size());

        browser.find("#withdraw-start").click();
        browser.waitVisible("#withdraw-yes");
        browser.find("#withdraw-no").click();
        assertEquals("Received, waiting for review", browser.find("#s-status").getText(), "no is no");
        browser.find("#withdraw-start").click();
        browser.waitVisible("#withdraw-yes").click();
        browser.waitFor().until(d -> "Withdrawn".equals(browser.find("#s-status").getText()));
        assertFalse(browser.find("#withdraw-section").isDisplayed());
        assertFalse(browser.find("#contact-section").isDisplayed());
        assertEquals(List.of(), Axe.seriousViolations(browser), "status page, withdrawn");

        browser.js("sessionStorage.clear()");
        browser.open(base + "/status.html");
        browser.waitVisible("#r-email").sendKeys(email);
        browser.find("#resend-form button").click();
        browser.waitFor().until(d -> browser.find("#resend-status").getText().startsWith("If applications were sent"));
        assertEquals(List.of(), Axe.seriousViolations(browser), "email me my link");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void saveAndFinishLaterRestoresEveryFieldAndTheDraftGoesWhenSent() throws java.io.IOException {
        String email = TestCloud.uniqueId("dr") + "@example.org";
        browser.js("sessionStorage.clear()");
        browser.open(base + "/apply.html");
        browser.waitFor().until(d -> browser.find("#regionId").isEnabled());
        assertEquals(List.of(), Axe.seriousViolations(browser), "apply page with the draft section");
        new Select(browser.find("#regionId")).selectByValue("new-orleans-la");
        browser.find("#org-name").sendKeys("Draft & Sons");
        new Select(browser.find("#org-type")).selectByValue("other");
        browser.find("#org-typeOther").sendKeys("Cooperative");
        ApplyPage.fillAddressAndManager(browser, email);
        browser.find("#program-csd").click();
        browser.find("#fundingPlan").sendKeys("Line one.\nLine two.");
        browser.find("#fac-contract").click();
        browser.find("#draft-email").clear();
        browser.find("#draft-email").sendKeys(email);
        browser.find("#draft-save").click();
        browser.waitFor().until(d -> browser.find("#draft-status").getText().startsWith("Saved. We emailed"));
        browser.find("#districtRelationships").sendKeys("Twelve districts.");
        browser.find("#draft-save").click();
        browser.waitFor().until(d -> browser.find("#draft-status").getText().startsWith("Saved. Use the link in your email"));
        String resumeUrl = link("/apply.html#resume=", email, "Your saved");
        String token = token(resumeUrl);

        browser.js("sessionStorage.clear()");
        browser.open("about:blank"); // a new load, as from the email, not a same-page fragment change
        browser.open(resumeUrl);
        browser.waitFor().until(d -> browser.find("#draft-restored").getText().startsWith("Your saved application is restored"));
        assertFalse(((String) browser.js("return location.href")).contains(token));
        assertEquals("new-orleans-la", new Select(browser.find("#regionId")).getFirstSelectedOption().getAttribute("value"));
        assertEquals("Draft & Sons", browser.find("#org-name").getAttribute("value"));
        assertEquals("other", new Select(browser.find("#org-type")).getFirstSelectedOption().getAttribute("value"));
        assertTrue(browser.find("#org-typeOther").isDisplayed());
        assertEquals("Cooperative", browser.find("#org-typeOther").getAttribute("value"));
        assertEquals("LA", new Select(browser.find("#org-state")).getFirstSelectedOption().getAttribute("value"));
        assertEquals(email, browser.find("#pm-email").getAttribute("value"));
        assertTrue(browser.find("#program-csd").isSelected());
        assertFalse(browser.find("#program-csp").isSelected());
        assertEquals("Line one.\nLine two.", browser.find("#fundingPlan").getAttribute("value"));
        assertTrue(browser.find("#fac-contract").isSelected());
        assertEquals("Twelve districts.", browser.find("#districtRelationships").getAttribute("value"), "the second save updated the draft");
        assertEquals(List.of(), Axe.seriousViolations(browser), "restored apply page");
        assertEquals(1, mailCount(email, "Your saved"), "one draft, one email");

        browser.find("#pdExperience").sendKeys("Ten years.");
        browser.find("#agreedToTerms").click();
        String terms = browser.find("#termsVersion").getAttribute("value");
        assertTrue(Files.readString(ProjectPaths.web().resolve("terms.html")).contains("data-terms-version=\"" + terms + "\""),
                "the form sends the version terms.html states: " + terms);
        assertEquals("version " + terms, browser.find("#terms-version-shown").getText());
        browser.find("#apply-form button[type=submit]").click();
        browser.waitVisible("#success");
        TestCloud.awaitTrue("the sent draft is deleted",
                () -> http.get("/drafts", "Authorization", "Bearer " + token).status() == 401);
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The link to {@code page} exactly as the email has it, to be followed as the applicant would. */
    private String link(String page, String to, String subject) {
        Pattern pattern = Pattern.compile("\\S+" + Pattern.quote(page) + "[A-Za-z0-9_-]{43}");
        List<String> found = new ArrayList<>();
        TestCloud.awaitTrue("email '" + subject + "' to " + to, () -> {
            for (JsonNode mail : http.get("/local/mail").json()) {
                Matcher m = pattern.matcher(mail.path("text").asText());
                if (to.equals(mail.path("to").asText()) && mail.path("subject").asText().contains(subject) && m.find()) {
                    found.add(m.group());
                    return true;
                }
            }
            return false;
        });
        return found.getFirst();
    }

    private long mailCount(String to, String subject) {
        List<JsonNode> all = new ArrayList<>();
        http.get("/local/mail").json().forEach(all::add);
        return all.stream().filter(m -> to.equals(m.path("to").asText()) && m.path("subject").asText().contains(subject)).count();
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('=') + 1);
    }
}
