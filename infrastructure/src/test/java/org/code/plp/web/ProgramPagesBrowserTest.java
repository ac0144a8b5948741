package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.code.plp.local.ProjectPaths;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The program page, FAQ and terms in Debian's chromium at desktop and phone widths, checked by axe-core. */
class ProgramPagesBrowserTest {
    @RegisterExtension
    static final BrowserSession session = new BrowserSession();

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"index.html,1366", "index.html,390", "faq.html,1366", "faq.html,390", "terms.html,1366", "terms.html,390"})
    void readsWithoutSidewaysScrollingOrAccessibilityFaults(String page, int width) {
        session.browser.driver().manage().window().setSize(new Dimension(width, 900));
        try {
            session.browser.open(session.base + "/" + page);
            session.browser.waitVisible("main h1");
            long overflow = ((Number) session.browser.js("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
            assertTrue(overflow <= 0, page + " scrolls sideways by " + overflow + " px at " + width + " px");
            List<String> violations = Axe.seriousViolations(session.browser);
            assertEquals(List.of(), violations, page + " at " + width + " px");
            List<String> errors = session.browser.consoleErrors();
            assertTrue(errors.isEmpty(), () -> "console errors: " + errors);
            session.browser.screenshot("program-" + page.replace(".html", "") + "-" + width);
        } finally {
            session.browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @ParameterizedTest(name = "FAQ link #{0}")
    @CsvSource({"press", "facilitators", "other-courses"})
    void aFaqLinkOpensItsQuestion(String anchor) {
        session.browser.open(session.base + "/faq.html#" + anchor);
        session.browser.waitVisible("#" + anchor);
        double y = ((Number) session.browser.js("return document.getElementById(arguments[0]).getBoundingClientRect().top", anchor)).doubleValue();
        double height = ((Number) session.browser.js("return window.innerHeight")).doubleValue();
        assertTrue(y >= 0 && y < height - 40, "#" + anchor + " is scrolled into the window, at " + y + " of " + height);
        assertEquals(anchor, session.browser.js("return document.querySelector('.qa:has(h3:target) h3').id"), "its answer is highlighted as the target");
    }

    /** The header is drawn by js/site-nav.js on every public page: the skip link first, the open page marked. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"index.html,The program,6", "faq.html,FAQ,6", "terms.html,Terms,6", "apply.html,Apply,6",
            "interest.html,Tell us about your city,6", "status.html,,6", "api.html,API,4"})
    void everyPageShowsTheSiteNavigationWithItselfMarked(String page, String current, int links) {
        session.browser.open(session.base + "/" + page);
        session.browser.waitVisible("header.site nav");
        List<WebElement> nav = session.browser.findAll("header.site nav a");
        assertEquals(links, nav.size(), page + " nav: " + nav.stream().map(WebElement::getText).toList());
        List<String> marked = session.browser.findAll("header.site nav a[aria-current=page]").stream().map(WebElement::getText).toList();
        assertEquals(current == null ? List.of() : List.of(current), marked, page + " marks the open page");
        for (WebElement a : nav) {
            String href = a.getDomAttribute("href");
            assertTrue(Files.isRegularFile(ProjectPaths.web().resolve(href)), page + " nav links a missing page: " + href);
        }
        session.browser.find("body").sendKeys(Keys.TAB);
        WebElement first = session.browser.driver().switchTo().activeElement();
        assertEquals("#main", first.getDomAttribute("href"), page + ": the first Tab reaches the skip link");
        assertTrue(first.isDisplayed(), page + ": the focused skip link shows");
        assertTrue(session.browser.findAll("#main").size() == 1, page + ": the skip link has a target");
    }
}
