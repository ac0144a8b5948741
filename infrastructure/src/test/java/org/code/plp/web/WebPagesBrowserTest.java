package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The pages in web/ in a real browser against the running local cloud (TestCloud): the map and
 * its popup, the forms' success and field errors, and a reviewer's decision through the console
 * down to the captured email. Skipped when Debian's chromium or chromedriver is not installed.
 */
class WebPagesBrowserTest {
    @RegisterExtension
    static final BrowserSession session = new BrowserSession("FAILED-").consolePerTest();

    private final TestCloud cloud = TestCloud.shared();
    private final String base = session.base;
    private final Browser browser = session.browser;

    // ------------------------------------------------------------------ map

    @Test
    void mapShowsEverySeedPinAndOpensAPopupByClickAndByKeyboard() {
        browser.clearCache();
        JsonNode pins = cloud.http().get("/pins").json();
        int expected = pins.get("features").size();
        assertTrue(expected >= 5, "the seed regions are served: " + expected);

        browser.open(base + "/map.html");
        long drawnMs = waitForPins();
        assertTrue(drawnMs > 0);
        assertEquals(expected, ((Number) browser.js("return window.PLP_MAP.pinCount")).intValue());
        assertEquals(expected, browser.findAll("#regions > li").size(), "the screen-reader list has every pin");
        // Every pin is on the map, alone or inside a cluster's count.
        Number onMap = (Number) browser.js("""
                var pins = document.querySelectorAll('.leaflet-marker-icon.pin').length;
                var clustered = Array.from(document.querySelectorAll('.leaflet-marker-icon.marker-cluster'))
                    .reduce(function (n, c) { return n + parseInt(c.textContent, 10); }, 0);
                return pins + clustered;""");
        assertEquals(expected, onMap.intValue());
        assertTrue(browser.find("#map .leaflet-overlay-pane canvas").isDisplayed(), "state outlines drawn without tiles");
        assertTrue(browser.findAll(".leaflet-tile").isEmpty(), "no tile layer by default");
        assertTrue(browser.find("#legend").getText().contains("Seeking a partner (circle)"));
        assertEquals(base + "/interest.html", browser.find("#interest-link").getAttribute("href"));

        // A click (here from the list's button) opens the region's popup with its population and Apply link.
        browser.find("#regions li[data-region-id='new-orleans-la'] button.show-on-map").click();
        // (zoomToShowLayer may zoom or spiderfy first: wait for the popup that settles.)
        waitForPopupTitle("New Orleans, LA");
        WebElement popup = browser.find(".leaflet-popup-content");
        String text = popup.getText();
        assertTrue(text.contains("Population served") && text.contains("Districts") && text.contains("Schools")
                && text.contains("Teachers") && text.contains("Students") && text.contains("Programs sought"), text);
        assertTrue(text.contains("6,100"), "teachers of the seed region, formatted: " + text);
        WebElement apply = popup.findElement(By.cssSelector("a.apply"));
        assertEquals(base + "/apply.html?region=new-orleans-la", apply.getAttribute("href"));
        assertEquals("_top", apply.getAttribute("target"));
        browser.screenshot("map-popup");

        // Keyboard: Tab-reachable pins open their popup on Enter.
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        browser.open(base + "/map.html");
        waitForPins();
        // Any pin standing alone (other tests may add pins that cluster with some seeds).
        WebElement pin = browser.find(".leaflet-marker-icon.pin[data-region-id]");
        String regionId = pin.getAttribute("data-region-id");
        String title = browser.find("#regions li[data-region-id='" + regionId + "'] .region-title").getText();
        assertEquals("0", pin.getAttribute("tabindex"));
        assertEquals("button", pin.getAttribute("role"));
        assertTrue(pin.getAttribute("aria-label").startsWith(title), pin.getAttribute("aria-label"));
        browser.js("arguments[0].focus()", pin);
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        waitForPopupTitle(title);
        WebElement keyboardPopup = browser.find(".leaflet-popup-content .region-title");
        assertEquals(keyboardPopup, browser.driver().switchTo().activeElement(), "focus moves into the popup");
        browser.screenshot("map");
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), () -> "console errors: " + errors);
    }

    @Test
    void indexEmbedsTheMapInAnIframeThatStaysFramed() {
        browser.open(base + "/index.html");
        browser.driver().switchTo().frame("map-frame");
        waitForPins();
        assertFalse(browser.findAll("#regions > li").isEmpty());
        browser.driver().switchTo().defaultContent();
        assertEquals(base + "/index.html", browser.driver().getCurrentUrl(), "no frame-busting");
        browser.fullScreenshot("index");
    }

    private void waitForPopupTitle(String title) {
        browser.waitFor().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> title.equals(browser.find(".leaflet-popup-content .region-title").getText()));
    }

    static long waitForPins(Browser browser) {
        browser.waitFor().until(d -> browser.js("return window.PLP_MAP && window.PLP_MAP.pinsDrawnMs") != null);
        return ((Number) browser.js("return window.PLP_MAP.pinsDrawnMs")).longValue();
    }

    private long waitForPins() {
        return waitForPins(browser);
    }

    // ------------------------------------------------------------------ application form

    @Test
    void aValidApplicationIsSentOnceAndShowsSuccess() {
        String org = "Browser Valid " + TestCloud.uniqueId("org");
        browser.open(base + "/apply.html?region=new-orleans-la");
        waitForRegions();
        assertEquals("new-orleans-la", new Select(browser.find("#regionId")).getFirstSelectedOption().getAttribute("value"),
                "preselected from ?region=");
        fillValidApplication(org, TestCloud.uniqueId("pm") + "@example.org");
        // A double click: the second submit must not send a second application.
        browser.js("var f = document.getElementById('apply-form'); f.requestSubmit(); f.requestSubmit();");
        assertTrue(browser.find("#apply-form button[type=submit]").getAttribute("disabled") != null
                || browser.find("#success").isDisplayed(), "the button is disabled while sending");
        WebElement success = browser.waitVisible("#success");
        assertTrue(success.getText().contains("Application received"), success.getText());
        assertFalse(browser.find("#success-id").getText().isBlank());
        assertEquals(success, browser.driver().switchTo().activeElement(), "focus moves to the success message");
        browser.fullScreenshot("apply-success");
        assertEquals(1, storedApplications(org), "exactly one application stored");
    }

    @Test
    void anInvalidApplicationShowsEachErrorNextToItsField() {
        browser.open(base + "/apply.html");
        waitForRegions();
        browser.find("#org-zip").sendKeys("123");
        browser.find("#pm-phone").sendKeys("555-0100");
        browser.find("#apply-form button[type=submit]").click();

        WebElement summary = browser.waitVisible("#form-errors");
        assertEquals("alert", summary.getAttribute("role"), "errors are announced");
        assertFieldError("org-name", "Required");
        assertFieldError("org-zip", "5-digit ZIP");
        assertFieldError("pm-phone", "10 digits");
        assertFieldError("regionId", "Required");
        WebElement programs = browser.find("#programs-error");
        assertTrue(programs.isDisplayed() && programs.getText().contains("at least 1"), programs.getText());
        assertTrue(browser.find("#program-csp").getAttribute("aria-invalid") != null);
        browser.fullScreenshot("apply-errors");

        // Errors the browser cannot see (here forced past the client checks) come back from the
        // server as problem+json and land next to their fields by their dotted paths.
        String org = "Browser Invalid " + TestCloud.uniqueId("org");
        browser.open(base + "/apply.html?region=new-orleans-la");
        waitForRegions();
        fillValidApplication(org, "ada@example.org");
        browser.withModule("js/rules.js", """
                module.rules.forms.application = module.rules.forms.application.filter(function (rule) {
                  return rule.field !== 'programManager.email' && rule.field !== 'programs'; });""");
        browser.js("""
                var email = document.getElementById('pm-email');
                email.value = 'ada@@example.org';
                var bogus = document.createElement('input');
                bogus.type = 'checkbox'; bogus.name = 'programs'; bogus.value = 'basket_weaving'; bogus.checked = true;
                document.getElementById('programs-choices').prepend(bogus);""");
        browser.find("#apply-form button[type=submit]").click();
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-email-error")));
        assertFieldError("pm-email", "email address");
        assertTrue(browser.find("#programs-error").getText().contains("Must be one of"), browser.find("#programs-error").getText());
        assertTrue(browser.find("#form-errors").getText().contains("2 problems"), browser.find("#form-errors").getText());
        assertEquals(0, storedApplications(org), "nothing stored for a rejected form");

        // Fixed and sent again in the same form view (same Idempotency-Key): accepted, stored once.
        browser.js("""
                document.getElementById('pm-email').value = 'ada@example.org';
                document.querySelector('input[value=basket_weaving]').remove();""");
        browser.find("#apply-form button[type=submit]").click();
        browser.waitVisible("#success");
        assertEquals(1, storedApplications(org));
    }

    private void assertFieldError(String inputId, String text) {
        WebElement error = browser.find("#" + inputId + "-error");
        assertTrue(error.isDisplayed(), inputId + " error shown");
        assertTrue(error.getText().contains(text), inputId + ": " + error.getText());
        WebElement input = browser.find("#" + inputId);
        assertEquals("true", input.getAttribute("aria-invalid"), inputId);
        assertTrue(input.getAttribute("aria-describedby").contains(inputId + "-error"), inputId + " aria-describedby");
    }

    /** The form is wired once the rules (web/js/rules.json) are in. */
    private void waitForForm(String formId) {
        browser.waitFor().until(d -> "true".equals(browser.find("#" + formId).getAttribute("data-ready")));
    }

    private void waitForRegions() {
        browser.waitFor().until(d -> browser.find("#regionId").isEnabled());
    }

    private void fillValidApplication(String organization, String email) {
        if (new Select(browser.find("#regionId")).getFirstSelectedOption().getAttribute("value").isEmpty()) {
            new Select(browser.find("#regionId")).selectByValue("new-orleans-la");
        }
        browser.find("#org-name").sendKeys(organization);
        new Select(browser.find("#org-type")).selectByValue("nonprofit");
        browser.find("#org-website").sendKeys("https://crescent.example.org");
        ApplyPage.fillAddressAndManager(browser, email);
        browser.find("#program-csp").click();
        browser.find("#program-csd").click();
        browser.find("#districtRelationships").sendKeys("We work with 12 districts.");
        browser.find("#pdExperience").sendKeys("Ten years of teacher workshops.");
        browser.find("#fundingPlan").sendKeys("State grants and district contracts.");
        browser.find("#fac-own").click();
        browser.find("#agreedToTerms").click();
    }

    /** Test-side count (a Scan is fine in a test, never on a request path). */
    private int storedApplications(String organizationName) {
        return cloud.dynamo().scanPaginator(ScanRequest.builder()
                        .tableName(cloud.table("ApplicationsTable"))
                        .filterExpression("organizationName = :n")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromS(organizationName)))
                        .build())
                .stream().mapToInt(page -> page.count()).sum();
    }

    // ------------------------------------------------------------------ interest form

    @Test
    void theInterestFormSendsAndShowsSuccess() {
        browser.open(base + "/interest.html");
        waitForForm("interest-form");
        browser.find("#email").sendKeys(TestCloud.uniqueId("teacher") + "@example.org");
        new Select(browser.find("#role")).selectByValue("teacher");
        browser.find("#city").sendKeys("Lafayette");
        new Select(browser.find("#state")).selectByValue("LA");
        browser.find("#zip").sendKeys("70501");
        browser.find("#grade-68").click();
        browser.find("#willingToRecruitDistricts").click();
        browser.find("#interest-form button[type=submit]").click();
        WebElement success = browser.waitVisible("#success");
        assertTrue(success.getText().contains("we heard you"), success.getText());
        browser.fullScreenshot("interest-success");

        browser.open(base + "/interest.html");
        waitForForm("interest-form");
        browser.find("#email").sendKeys("not-an-email");
        browser.find("#interest-form button[type=submit]").click();
        browser.waitVisible("#form-errors");
        assertFieldError("email", "email address");
        assertFieldError("zip", "Required");
        assertFieldError("role", "Required");
        browser.fullScreenshot("interest-errors");
    }

    // ------------------------------------------------------------------ review console

    @Test
    void aReviewerSignsInOpensTheApplicationDecidesAndTheApplicantIsEmailed() throws Exception {
        String org = "Browser Review " + TestCloud.uniqueId("org");
        String email = TestCloud.uniqueId("applicant") + "@example.org";
        TestHttp.Response created = cloud.http().post("/applications", """
                {"regionId":"memphis-tn",
                 "organization":{"name":"%s","type":"university",
                   "address":{"street":"1 Beale St","city":"Memphis","state":"TN","zip":"38103"},"phone":"901-555-0100"},
                 "programManager":{"firstName":"Grace","lastName":"Hopper","email":"%s","phone":"901-555-0101"},
                 "programs":["csd"],"districtRelationships":"Shelby County","pdExperience":"Years",
                 "fundingPlan":"Grants","agreedToTerms":true}""".formatted(org, email));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        String reviewer = cloud.bearer("reviewer@code.org", "reviewers");
        int queueStatus = cloud.http().get("/admin/applications?limit=1", "Authorization", reviewer).status();
        assumeTrue(queueStatus != 404, "the review API (GET /admin/applications) is not in this build");

        browser.open(base + "/admin.html");
        browser.waitVisible("#signin-local");
        browser.screenshot("admin-signin");
        WebElement emailInput = browser.find("#local-email");
        emailInput.clear();
        emailInput.sendKeys("browser-reviewer@code.org");
        browser.find("#local-signin").click();
        browser.waitVisible("#console");
        assertTrue(browser.find("#who-text").getText().contains("browser-reviewer@code.org"));

        browser.find("#filter-q").sendKeys(org);
        browser.find("#apply-filters").click();
        browser.waitFor().until(d -> browser.findAll("#queue-body tr").size() == 1
                && !browser.findAll("#queue-body tr[data-id='" + id + "']").isEmpty());
        // The queue may re-render (the first, unfiltered load answering late): click what is there then.
        browser.waitFor().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            browser.find("#queue-body tr[data-id='" + id + "'] button.open").click();
            return true;
        });
        WebElement title = browser.waitVisible("#detail-title");
        browser.waitFor().until(d -> org.equals(title.getText()));
        assertTrue(browser.find("#detail-status").getText().contains("Unreviewed"));
        assertEquals(List.of("pending", "interview", "declined", "withdrawn"), decisionButtons(),
                "only the contract's transitions from unreviewed");

        browser.find("#decision-note").sendKeys("Strong district ties.");
        browser.find("button[data-decision='interview']").click();
        // A move that emails the applicant is confirmed in a dialog showing that email.
        browser.waitVisible("#confirm-decision").click();
        browser.waitFor().until(d -> browser.find("#detail-status").getText().contains("Interview"));
        assertTrue(browser.find("#status-log").getText().contains("Interview"));
        assertEquals(List.of("accepted", "declined", "waitlisted", "withdrawn"), decisionButtons());
        browser.find("#note-text").sendKeys("Called the program manager.");
        browser.find("#add-note").click();
        browser.waitFor().until(d -> browser.find("#notes").getText().contains("Called the program manager."));
        browser.find("#scores input[type=radio][value='yes']").click();
        browser.waitFor().until(d -> browser.find("#console-status").getText().contains("Score saved"));
        // Scores are each reviewer's own: the browser's reviewer sees theirs, everyone sees them under reviews.
        JsonNode scored = cloud.http().get("/admin/applications/" + id, "Authorization",
                cloud.bearer("browser-reviewer@code.org", "reviewers")).json();
        assertTrue(scored.get("scores").toString().contains("\"yes\""), scored.get("scores").toString());
        JsonNode asOther = cloud.http().get("/admin/applications/" + id, "Authorization", reviewer).json();
        assertEquals("browser-reviewer@code.org", asOther.get("reviews").get(0).get("reviewer").asText(), asOther.toString());
        browser.fullScreenshot("admin");

        // Another reviewer moves it meanwhile: this page's next decision gets the 409 message.
        JsonNode detail = cloud.http().get("/admin/applications/" + id, "Authorization", reviewer).json();
        TestHttp.Response other = cloud.http().post("/admin/applications/" + id + "/decision",
                "{\"status\":\"waitlisted\",\"expectedVersion\":" + detail.get("version").asLong() + "}",
                "Authorization", reviewer);
        assertEquals(200, other.status(), other.body());
        browser.find("button[data-decision='declined']").click();
        browser.waitVisible("#confirm-decision").click();
        WebElement conflict = browser.waitVisible("#detail-conflict");
        assertTrue(conflict.getText().contains("Someone else changed this application; reload to see their change"),
                conflict.getText());
        browser.screenshot("admin-conflict");

        TestHttp.Response mail = cloud.http().get("/local/mail");
        assumeTrue(mail.status() == 200, "no /local/mail in this build: the email step is not checked");
        assertTrue(waitForMail(email, "interview"), "the interview email reached " + email + " in /local/mail");
    }

    @Test
    void theQueuePagesWithNextAndPreviousByCursor() {
        String reviewer = cloud.bearer("reviewer@code.org", "reviewers");
        assumeTrue(cloud.http().get("/admin/applications?limit=1", "Authorization", reviewer).status() == 200,
                "the review API is not in this build");
        String prefix = "Paging " + TestCloud.uniqueId("org");
        for (int i = 0; i < 27; i++) {
            assertEquals(201, cloud.http().post("/applications", """
                    {"regionId":"boise-id",
                     "organization":{"name":"%s %02d","type":"nonprofit",
                       "address":{"street":"1 Main St","city":"Boise","state":"ID","zip":"83702"},"phone":"208-555-0100"},
                     "programManager":{"firstName":"Pat","lastName":"Page","email":"pat@example.org","phone":"208-555-0101"},
                     "programs":["csp"],"districtRelationships":"x","pdExperience":"y","fundingPlan":"z",
                     "agreedToTerms":true}""".formatted(prefix, i)).status());
        }
        browser.open(base + "/admin.html");
        browser.js("sessionStorage.setItem('plp.staff.token', arguments[0])", cloud.token("pager@code.org", "reviewers"));
        browser.open(base + "/admin.html");
        browser.waitVisible("#console");
        browser.find("#filter-q").sendKeys(prefix.toLowerCase());
        browser.find("#apply-filters").click();
        browser.waitFor().until(d -> browser.findAll("#queue-body tr[data-id]").size() == 25
                && browser.find("#queue-body").getText().contains(prefix + " 26"));
        assertFalse(browser.find("#next-page").getAttribute("disabled") != null, "Next is enabled");
        assertTrue(browser.find("#prev-page").getAttribute("disabled") != null, "no Previous on page 1");

        browser.find("#next-page").click();
        browser.waitFor().until(d -> browser.find("#page-label").getText().equals("Page 2")
                && browser.findAll("#queue-body tr[data-id]").size() == 2);
        assertTrue(browser.find("#queue-body").getText().contains(prefix + " 00"), "the oldest is last");
        assertTrue(browser.find("#next-page").getAttribute("disabled") != null, "no Next on the last page");

        browser.find("#prev-page").click();
        browser.waitFor().until(d -> browser.find("#page-label").getText().equals("Page 1")
                && browser.find("#queue-body").getText().contains(prefix + " 26"));
        assertEquals(25, browser.findAll("#queue-body tr[data-id]").size());
    }

    private List<String> decisionButtons() {
        return browser.findAll("#decision-buttons button").stream().map(b -> b.getAttribute("data-decision")).toList();
    }

    private boolean waitForMail(String to, String word) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode message : cloud.http().get("/local/mail").json()) {
                String text = (message.path("subject").asText() + " " + message.path("text").asText()).toLowerCase();
                if (message.path("to").toString().contains(to) && text.contains(word)) {
                    return true;
                }
            }
            Thread.sleep(250);
        }
        return false;
    }

    @Test
    void theConsoleShowsTheInterestSummaryAndDownloadsCsv() throws Exception {
        String reviewer = cloud.bearer("reviewer@code.org", "reviewers");
        assumeTrue(cloud.http().get("/admin/interest/summary", "Authorization", reviewer).status() == 200,
                "the review API's interest summary is not in this build");
        assertEquals(201, cloud.http().post("/interest",
                "{\"email\":\"summary@example.org\",\"role\":\"teacher\",\"city\":\"Shreveport\",\"state\":\"LA\",\"zip\":\"71101\"}")
                .status());
        browser.open(base + "/admin.html");
        browser.js("sessionStorage.setItem('plp.staff.token', arguments[0])", cloud.token("csv@code.org", "reviewers"));
        browser.open(base + "/admin.html");
        browser.waitVisible("#console");
        browser.waitFor().until(d -> browser.find("#interest-cities").getText().contains("Shreveport"));
        assertTrue(browser.find("#interest-states").getText().contains("LA"));
        // The CSV buttons fetch with the token: the same request, made in the page, answers CSV.
        Object csv = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/admin/applications.csv?region=all', {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('plp.staff.token')}})
                  .then(function (r) { return r.text().then(function (t) { done(r.status + ' ' + t.split('\\n')[0]); }); })
                  .catch(function (e) { done('error ' + e); });""");
        // Response.text() decodes UTF-8 and drops the byte order mark the file starts with.
        assertTrue(String.valueOf(csv).startsWith("200 Application ID,Status"), String.valueOf(csv));
        // The CSV button fetches in parts, joins them and reports the rows in the live status region.
        // (fetch is only recorded, not replaced: the requests still reach the local API.)
        browser.js("""
                window.csvRequests = [];
                var realFetch = window.fetch;
                window.fetch = function (url) {
                  if (String(url).indexOf('.csv') >= 0) { window.csvRequests.push(String(url)); }
                  return realFetch.apply(this, arguments);
                };""");
        browser.find("#download-applications").click();
        browser.waitFor().until(d -> browser.find("#console-status").getText().contains("downloaded"));
        String done = browser.find("#console-status").getText();
        assertTrue(done.matches("applications-\\d{4}-\\d{2}-\\d{2}\\.csv downloaded: [\\d,]+ rows in \\d+ parts?\\."), done);
        String requests = String.valueOf(browser.js("return window.csvRequests.join(' ')"));
        assertTrue(requests.contains("/admin/applications.csv?") && requests.contains("parts=true"), requests);
        assertTrue(!browser.find("#console-alert").isDisplayed());
        // A part that fails saves nothing and says so.
        String token = String.valueOf(browser.js("return sessionStorage.getItem('plp.staff.token')"));
        browser.js("sessionStorage.setItem('plp.staff.token', 'not-a-token')");
        browser.find("#download-cohort").click();
        browser.waitFor().until(d -> browser.find("#console-alert").isDisplayed());
        assertTrue(browser.find("#console-alert").getText().contains("nothing was saved"),
                browser.find("#console-alert").getText());
        browser.js("sessionStorage.setItem('plp.staff.token', arguments[0])", token);
        browser.fullScreenshot("admin-interest");
    }
}
