package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.code.plp.local.LocalCloud;
import org.code.plp.local.TestClock;
import org.code.plp.local.TestCloud;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;
import org.code.plp.review.ReviewFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console's decisions (issue 12) in chromium at a laptop (1366 px) and a phone (390 px) width: the
 * confirm dialog showing the exact email (Escape and Cancel change nothing; focus stays inside), the
 * held email's line with its countdown and Undo, the line gone when the hold ends, a plain 409 for a late
 * undo, the joint-partner choice and the closed region, the region close-out and its summary; axe-core
 * finds nothing serious in each state.
 * The shared cloud runs this class with a 10-minute hold and a clock that the test moves together with
 * the page's ({@link Browser#installClock}); both are put back afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionBrowserTest {
    @RegisterExtension
    static final BrowserSession session = new BrowserSession("FAILED-decision-").consolePerTest();

    private static final Duration HOLD = Duration.ofMinutes(10);
    private static final String HOLD_ENV = "DECISION_EMAIL_HOLD_MINUTES";

    private final TestClock clock = TestClock.aheadOfRealTime();
    private LocalCloud local;
    private String previousHold;
    private ReviewFixture fx;
    private String base;
    private Browser browser;

    @BeforeAll
    void start() {
        fx = new ReviewFixture();
        local = fx.cloud.cloud();
        previousHold = local.env().get(HOLD_ENV);
        local.putEnv(HOLD_ENV, Long.toString(HOLD.toMinutes()));
        local.functions().useClock(clock);
        base = session.base;
        browser = session.browser;
        browser.installClock();
    }

    @AfterAll
    void stop() {
        if (local != null) {
            local.putEnv(HOLD_ENV, previousHold == null ? "0" : previousHold);
            local.functions().useClock(Clock.systemUTC());
        }
    }

    @BeforeEach
    void realTimeAgain() {
        // Each test's pages load with their clock at real time: the server's starts there too.
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(ints = {1366, 390})
    void theConfirmShowsTheEmailCancelChangesNothingConfirmDecidesAndUndoRestores(int width) {
        String region = fx.region();
        String last = "Confirm" + width;
        String org = "Confirm Academy " + region;
        String id = fx.apply(ReviewFixture.form(region, org, "Ada", last));
        String address = "ada.confirm" + width + "@example.org";
        fx.move(id, "pending", 1);
        JsonNode expected = fx.http.get("/admin/applications/" + id + "/decision-preview?status=accepted",
                "Authorization", fx.cloud.bearer(ReviewFixture.REVIEWER, "reviewers")).json();
        openInConsole(width, id, org);

        browser.find("#decision-note").sendKeys("Strong districts; call them first.");
        browser.find("button[data-decision='accepted']").click();
        browser.waitVisible("#confirm-dialog[open] #preview-text");
        assertEquals("Move to Accepted?", browser.find("#confirm-title").getText());
        assertEquals(address, browser.find("#preview-to").getText());
        assertEquals(expected.at("/email/subject").textValue(), browser.find("#preview-subject").getText());
        assertEquals(expected.at("/email/text").textValue().strip(), browser.find("#preview-text").getText().strip(),
                "the dialog shows the server's rendering of the email");
        assertTrue(browser.find("#preview-sends").getText().contains("held 10 minutes, and you can undo"),
                browser.find("#preview-sends").getText());
        assertEquals("Your note stays internal: “Strong districts; call them first.” is kept in the status log and never emailed.",
                browser.find("#preview-note").getText());
        assertDialogKeepsFocus();
        assertNoSidewaysScroll("confirm dialog");
        assertEquals(List.of(), Axe.seriousViolations(browser), "confirm dialog with the email");
        browser.screenshot("decision-confirm-" + width);

        // Escape cancels, and so does Cancel: nothing moves, nothing is queued, focus returns to the button.
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitFor().until(d -> browser.js("return document.getElementById('confirm-dialog').open").equals(false));
        assertEquals("accepted", browser.js("return document.activeElement.getAttribute('data-decision')"));
        browser.find("button[data-decision='accepted']").click();
        browser.waitVisible("#confirm-cancel").click();
        browser.waitFor().until(d -> browser.find("#console-status").getText().equals("Not moved: nothing was sent."));
        assertEquals("pending", fx.detail(id).get("status").textValue());
        assertEquals(2, fx.detail(id).get("version").intValue());
        assertEquals("missing", fx.outboxState(id + "#accepted#v3"));

        browser.find("button[data-decision='accepted']").click();
        browser.waitVisible("#confirm-decision").click();
        String line = emailLine();
        assertTrue(line.matches("Email to " + address.replace(".", "\\.")
                + " goes out at \\d{1,2}:\\d{2} [AP]M — Undo \\((10:00|9:5\\d) left\\)"), line);
        assertTrue(browser.find("#detail-status").getText().startsWith("Status: Accepted"));
        // Said in the live status too, for a screen reader.
        browser.waitFor().until(d -> browser.find("#console-status").getText().startsWith("Moved to Accepted. The email to "
                + address + " goes out at "));
        assertTrue(browser.find("#decision-buttons").getText().startsWith("Accepted becomes final at "),
                browser.find("#decision-buttons").getText());
        assertEquals("accepted", fx.detail(id).get("status").textValue());
        assertEquals(OutboxItem.PENDING, fx.outboxState(id + "#accepted#v3"), "held, not sent");
        assertTrue(browser.find("#status-log").getText().contains("Internal note (not sent to the applicant): Strong districts"));
        assertNoSidewaysScroll("held decision");
        assertEquals(List.of(), Axe.seriousViolations(browser), "held decision with its undo line");
        browser.screenshot("decision-held-" + width);

        browser.find("#undo-decision").click();
        browser.waitFor().until(d -> browser.find("#detail-status").getText().startsWith("Status: Pending"));
        browser.waitFor().until(d -> browser.find("#console-status").getText().equals("Undone: back to Pending. The email to "
                + address + " will not be sent."));
        assertFalse(browser.find("#held").isDisplayed(), "nothing is held after the undo");
        assertTrue(browser.find("#status-log").getText().contains("Pending (undid Accepted)"));
        JsonNode undone = fx.detail(id);
        assertEquals("pending", undone.get("status").textValue());
        assertTrue(undone.path("held").isMissingNode());
        assertEquals(OutboxItem.CANCELLED, fx.outboxState(id + "#accepted#v3"));
        assertEquals(RegionStatus.SEEKING_PARTNER, fx.findRegion(region).getStatus(), "the undone acceptance freed the region");
    }

    @ParameterizedTest
    @ValueSource(ints = {1366, 390})
    void theLineGoesWhenTheHoldEndsAndALateUndoIsSaidPlainly(int width) {
        String region = fx.region();
        String org = "Hold Ends Org " + region;
        String early = fx.apply(ReviewFixture.form(region, org, "Ada", "Late" + width));
        fx.move(early, "pending", 1);
        openInConsole(width, early, org);
        decideInDialog("declined");
        emailLine();

        // The server's hold ends while the page still counts down: its Undo gets the 409, said plainly.
        clock.advance(HOLD.plusMinutes(1));
        browser.find("#undo-decision").click();
        WebElement conflict = browser.waitVisible("#detail-conflict");
        assertTrue(conflict.getText().matches("(?s)The hold of the declined decision ended at \\d{1,2}:\\d{2} [AP]M: .*")
                && conflict.getText().contains("it is final and its email is sent or going out"), conflict.getText());
        browser.waitFor().until(d -> !browser.find("#held").isDisplayed());
        assertEquals("declined", fx.detail(early).get("status").textValue());
        assertEquals(List.of(), Axe.seriousViolations(browser), "late undo's 409");

        // Server and page move on together: the line goes by itself at the end of the hold.
        clock.reset();
        String other = fx.apply(ReviewFixture.form(region, org + " II", "Bea", "Late" + width));
        fx.move(other, "pending", 1);
        openInConsole(width, other, org + " II");
        decideInDialog("waitlisted");
        String line = emailLine();
        assertTrue(line.contains("(10:00 left)") || line.matches(".*\\(9:5\\d left\\)"), line);
        clock.advance(HOLD.plusSeconds(1));
        browser.advanceClock(HOLD.plusSeconds(1));
        browser.waitFor().until(d -> !browser.find("#held").isDisplayed());
        browser.waitFor().until(d -> !browser.find("#decision-buttons button:not([disabled])").getText().isEmpty());
        assertEquals(List.of("accepted", "declined", "withdrawn"), browser.findAll("#decision-buttons button").stream()
                .map(b -> b.getAttribute("data-decision")).toList(), "waitlisted stands: its moves are offered again");
        assertEquals("waitlisted", fx.detail(other).get("status").textValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {1366, 390})
    void aSecondAcceptanceOffersAJointPartnershipAndAClosedRegionIsSaidPlainly(int width) {
        String region = fx.region();
        String partner = fx.apply(ReviewFixture.form(region, "First Partner " + region, "Cy", "First" + width));
        String org = "Second Org " + region;
        String id = fx.apply(ReviewFixture.form(region, org, "Di", "Second" + width));
        fx.move(id, "pending", 1);
        fx.move(partner, "pending", 1);
        fx.move(partner, "accepted", 2);
        openInConsole(width, id, org);
        assertTrue(browser.find("#detail-status").getText().contains("region filled"), browser.find("#detail-status").getText());
        assertTrue(browser.find("#region-filled").getText().contains("has its partner, First Partner " + region));
        browser.waitFor().until(d -> browser.find("#queue-body tr[data-id='" + id + "']").getAttribute("textContent")
                .contains("region filled"));

        browser.find("button[data-decision='accepted']").click();
        assertTrue(browser.waitVisible("#confirm-body .warning").getText().contains("already has its partner: First Partner"));
        browser.find("#confirm-decision").click();
        WebElement problem = browser.waitVisible("#confirm-problem");
        assertTrue(problem.getText().startsWith("Not accepted: The region Review Test " + region + " (" + region
                + ") already has its partner: First Partner " + region), problem.getText());
        assertFalse(problem.getText().contains("coPartner"), "no API words: " + problem.getText());
        assertEquals("accept-joint", browser.js("return document.activeElement.id"));
        assertEquals("accepted", fx.detail(partner).get("status").textValue());
        assertEquals("pending", fx.detail(id).get("status").textValue(), "the 409 changed nothing");
        assertNoSidewaysScroll("joint partner choice");
        assertEquals(List.of(), Axe.seriousViolations(browser), "region already has its partner");
        browser.screenshot("decision-joint-" + width);
        browser.find("#accept-joint").click();
        browser.waitFor().until(d -> browser.find("#detail-status").getText().startsWith("Status: Accepted (joint partner)"));
        assertTrue(browser.find("#status-log").getText().contains("Accepted (joint partner)"));
        JsonNode joint = fx.detail(id);
        assertEquals("accepted", joint.get("status").textValue());
        assertTrue(joint.get("coPartner").booleanValue());

        // A closed region: the acceptance is refused plainly and nothing offers to force it.
        String closedRegion = fx.region();
        String closedOrg = "Closed Region Org " + closedRegion;
        String closed = fx.apply(ReviewFixture.form(closedRegion, closedOrg, "Ed", "Closed" + width));
        fx.move(closed, "pending", 1);
        RegionItem item = fx.findRegion(closedRegion);
        item.setStatus(RegionStatus.CLOSED);
        new RegionRepository(fx.cloud.platform()).put(item);
        openInConsole(width, closed, closedOrg);
        decideInDialog("accepted");
        WebElement refused = browser.waitVisible("#confirm-problem");
        assertTrue(refused.getText().startsWith("Not accepted: The region Review Test " + closedRegion + " (" + closedRegion
                + ") is closed"), refused.getText());
        assertTrue(browser.findAll("#accept-joint").isEmpty() && browser.findAll("#confirm-decision").isEmpty());
        assertEquals(List.of(), Axe.seriousViolations(browser), "closed region");
        browser.find("#confirm-cancel").click();
        assertEquals("pending", fx.detail(closed).get("status").textValue());
        assertEquals(RegionStatus.CLOSED, fx.findRegion(closedRegion).getStatus(), "never reopened");
    }

    @ParameterizedTest
    @ValueSource(ints = {1366, 390})
    void aFilledRegionIsClosedOutAndTheSummarySaysWhatMovedAndWhatWasSkipped(int width) {
        String region = fx.region();
        String partner = fx.apply(ReviewFixture.form(region, "The Partner " + region, "Flo", "Partner" + width));
        String waiting = fx.apply(ReviewFixture.form(region, "Waiting Org " + region, "Gus", "Waiting" + width));
        String pending = fx.apply(ReviewFixture.form(region, "Pending Org " + region, "Hal", "Pending" + width));
        fx.move(pending, "pending", 1);
        String interview = fx.apply(ReviewFixture.form(region, "Interview Org " + region, "Ida", "Interview" + width));
        fx.move(interview, "interview", 1);
        // The region stops taking applications once it has its partner: the others came before.
        fx.move(partner, "pending", 1);
        fx.move(partner, "accepted", 2);
        openInConsole(width, waiting, "Waiting Org " + region);
        browser.waitFor().until(d -> browser.find("#queue-body tr[data-id='" + pending + "']").getAttribute("textContent")
                .contains("region filled"));

        browser.find("#close-out").click();
        browser.waitVisible("#confirm-dialog[open] #closeout-choice");
        assertEquals("Close out Review Test " + region + "?", browser.find("#confirm-title").getText());
        browser.find("#confirm-close-out").click();
        assertEquals("Choose whether to decline or waitlist them.", browser.waitVisible("#confirm-problem").getText());
        assertDialogKeepsFocus();
        assertNoSidewaysScroll("close-out dialog");
        assertEquals(List.of(), Axe.seriousViolations(browser), "close-out dialog");
        browser.find("#closeout-waitlisted").click();
        browser.find("#closeout-note").sendKeys("Region filled.");
        browser.find("#confirm-close-out").click();

        WebElement summary = browser.waitVisible("#closeout-summary");
        browser.waitFor().until(d -> summary.getText().contains("2 moved to Waitlisted, 1 skipped."));
        String text = summary.getText();
        assertTrue(text.contains("Waiting Org " + region + ": Unreviewed → Waitlisted"), text);
        assertTrue(text.contains("Pending Org " + region + ": Pending → Waitlisted"), text);
        assertTrue(text.matches("(?s).*Interview Org " + region
                + " \\(Interview\\): the email of its last decision is held until \\d{1,2}:\\d{2} [AP]M.*"), text);
        assertEquals("waitlisted", fx.detail(waiting).get("status").textValue());
        assertEquals("waitlisted", fx.detail(pending).get("status").textValue());
        assertEquals("interview", fx.detail(interview).get("status").textValue());
        assertEquals("accepted", fx.detail(partner).get("status").textValue());
        browser.waitFor().until(d -> browser.find("#detail-status").getText().startsWith("Status: Waitlisted"));
        assertTrue(emailLine().startsWith("Email to gus.waiting" + width + "@example.org goes out at"),
                "the close-out's emails are held like any decision's");
        assertNoSidewaysScroll("close-out summary");
        assertEquals(List.of(), Axe.seriousViolations(browser), "close-out summary");
        browser.screenshot("decision-close-out-" + width);
    }

    private void openInConsole(int width, String id, String org) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        browser.open(base + "/admin.html");
        browser.js("sessionStorage.setItem('plp.staff.token', arguments[0])",
                fx.cloud.token("browser-decider@code.org", "reviewers"));
        String region = fx.detail(id).get("regionId").textValue();
        browser.open(base + "/admin.html?region=" + region + "&open=" + id);
        browser.waitFor().until(d -> org.equals(browser.find("#detail-title").getText()));
    }

    /** The held line of a decision that emails (a move without one, like pending, has its own line). */
    private String emailLine() {
        browser.waitFor().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> browser.find("#held-line").getText().startsWith("Email to "));
        return browser.find("#held-line").getText();
    }

    private void decideInDialog(String status) {
        browser.find("button[data-decision='" + status + "']").click();
        browser.waitVisible("#confirm-decision").click();
    }

    /** Tab and Shift+Tab cycle inside the open dialog; the safe choice (Cancel) has the focus first. */
    private void assertDialogKeepsFocus() {
        int stops = ((Number) browser.js("return document.querySelectorAll('#confirm-dialog button:not([disabled]),"
                + " #confirm-dialog input, #confirm-dialog textarea, #confirm-dialog [tabindex=\"0\"]').length")).intValue();
        for (int i = 0; i < stops + 2; i++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            assertEquals(true, browser.js("return !!document.activeElement.closest('#confirm-dialog')"), "Tab " + (i + 1));
        }
        for (int i = 0; i < stops + 2; i++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
            assertEquals(true, browser.js("return !!document.activeElement.closest('#confirm-dialog')"), "Shift+Tab " + (i + 1));
        }
    }

    private void assertNoSidewaysScroll(String where) {
        Number overflow = (Number) browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, where + " scrolls sideways by " + overflow + " px");
        Number dialog = (Number) browser.js("var d = document.getElementById('confirm-dialog');"
                + " return d.open ? d.getBoundingClientRect().right - document.documentElement.clientWidth : 0");
        assertTrue(dialog.intValue() <= 0, where + ": the dialog is wider than the page by " + dialog + " px");
    }
}
