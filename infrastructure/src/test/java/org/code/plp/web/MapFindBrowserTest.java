package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.code.plp.local.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/** The map finds a visitor's region, shows the whole country, and keeps its popup usable at any size. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapFindBrowserTest {
    private String base;
    private Browser browser;
    private int pinCount;

    @BeforeAll
    void start() {
        Browser.assumeInstalled();
        TestCloud cloud = TestCloud.shared();
        base = cloud.baseUri().toString();
        pinCount = cloud.http().get("/pins").json().get("features").size();
        browser = Browser.start();
    }

    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                System.out.println("FAILED " + context.getDisplayName() + "; console: " + browser.consoleErrors()
                        + "; screenshot " + browser.fullScreenshot("FAILED-" + context.getRequiredTestMethod().getName()));
            }
        }
    };

    @AfterEach
    void fullSize() {
        browser.driver().switchTo().defaultContent();
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private void openMap() {
        browser.open(base + "/map.html");
        WebPagesBrowserTest.waitForPins(browser);
    }

    /** Pins standing alone plus those counted in cluster icons, whose icons lie inside the map's box. */
    private int pinsInView() {
        return ((Number) browser.js("""
                var box = document.getElementById('map').getBoundingClientRect();
                function inside(e) { var r = e.getBoundingClientRect();
                  return r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom; }
                var n = 0;
                document.querySelectorAll('.leaflet-marker-icon').forEach(function (e) {
                  if (!inside(e)) { return; }
                  n += e.classList.contains('marker-cluster') ? parseInt(e.textContent, 10) : 1; });
                return n;""")).intValue();
    }

    private void waitForPopup(String title) {
        browser.waitFor().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> title.equals(browser.find(".leaflet-popup-content .region-title").getText()));
    }

    private void find(String place) {
        WebElement input = browser.find("#find-place");
        input.clear();
        input.sendKeys(place, Keys.ENTER);
    }

    @Test
    void aZipOrCityOpensItsRegionsPin() {
        openMap();
        find("70115");
        waitForPopup("New Orleans, LA");
        browser.waitFor().until(d -> browser.find("#find-result").getText().contains("serves 70115"));
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        find("Knoxville, TN");
        waitForPopup("Memphis, TN");
        assertTrue(browser.find("#find-result").getText().contains("(by state)"), browser.find("#find-result").getText());
    }

    @Test
    void aPlaceWithNoRegionOffersTheInterestFormPrefilled() {
        openMap();
        find("02108");
        WebElement offer = browser.waitFor().until(d -> browser.find("#find-result a"));
        assertEquals(base + "/interest.html?state=MA&zip=02108", offer.getAttribute("href"));
        assertEquals("_top", offer.getAttribute("target"));
        browser.open(offer.getAttribute("href"));
        browser.waitFor().until(d -> "02108".equals(browser.find("#zip").getAttribute("value")));
        assertEquals("MA", browser.find("#state").getAttribute("value"));
        openMap();
        find("nowhere at all");
        assertTrue(browser.find("#find-result").getText().contains("5-digit ZIP"));
    }

    @Test
    void theRegionListFiltersAsYouType() {
        openMap();
        WebElement filter = browser.find("#region-filter");
        filter.sendKeys("memphis");
        List<WebElement> shown = browser.findAll("#regions > li:not([hidden])");
        assertEquals(1, shown.size());
        assertEquals("memphis-tn", shown.getFirst().getAttribute("data-region-id"));
        assertEquals("1 of " + pinCount + " regions", browser.find("#region-filter-count").getText());
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        assertEquals(pinCount, browser.findAll("#regions > li:not([hidden])").size());
    }

    @Test
    void theWholeCountryAlaskaAndHawaiiIncludedIsInTheFirstViewAndComesBackOnRequest() {
        openMap();
        assertEquals(pinCount, pinsInView(), "every pin in the first view");
        browser.find("#regions li[data-region-id='boise-id'] button.show-on-map").click();
        waitForPopup("Boise, ID");
        browser.waitFor().until(d -> pinsInView() < pinCount);
        browser.find(".whole-country button").click();
        browser.waitFor().until(d -> pinsInView() == pinCount);
        browser.waitFor().until(d -> browser.findAll(".leaflet-popup").isEmpty()); // the popup fades out in 200 ms
    }

    @Test
    void listAndKeyboardOrderIsByStateThenCity() {
        openMap();
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) browser.js("""
                return Array.from(document.querySelectorAll('#regions > li .region-title'))
                  .map(function (h) { return h.textContent.slice(-2); });""");
        assertEquals(states.stream().sorted().toList(), states);
    }

    @Test
    void escapeClosesThePopupWithFocusOnItsHeading() {
        openMap();
        browser.find("#regions li[data-region-id='boise-id'] button.show-on-map").click();
        waitForPopup("Boise, ID");
        WebElement heading = browser.find(".leaflet-popup-content .region-title");
        browser.js("arguments[0].focus()", heading);
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        browser.waitFor().until(d -> browser.findAll(".leaflet-popup").isEmpty());
    }

    @Test
    void theMouseWheelZoomsOnlyAfterTheMapIsClicked() {
        openMap();
        WebElement map = browser.find("#map");
        browser.driver().manage().window().setSize(new Dimension(1280, 700));
        Map<String, Object> before = pinBox();
        new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(map), 0, -300).perform();
        assertEquals(before, pinBox(), "the wheel over an unfocused map does not zoom it");
        new Actions(browser.driver()).moveToElement(map, 5, map.getSize().height / 2 - 5).click().perform();
        new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(map), 0, -300).perform();
        browser.waitFor().until(d -> !before.equals(pinBox()));
        assertNotEquals(before, pinBox());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> pinBox() {
        return (Map<String, Object>) browser.js("""
                var e = document.querySelector('.leaflet-marker-icon'); var r = e.getBoundingClientRect();
                return {x: Math.round(r.left), y: Math.round(r.top)};""");
    }

    /** The popup's Apply link is inside the map's box and on top (clickable), not under the legend or the edge. */
    private void assertApplyReachable(String where) {
        browser.find("#regions li[data-region-id='boise-id'] button.show-on-map").click();
        waitForPopup("Boise, ID");
        browser.waitFor().until(d -> Boolean.TRUE.equals(browser.js("""
                var a = document.querySelector('.leaflet-popup-content a.apply');
                if (!a) { return false; }
                var map = document.getElementById('map').getBoundingClientRect();
                var r = a.getBoundingClientRect();
                var popup = a.closest('.leaflet-popup-content');
                if (r.bottom > popup.getBoundingClientRect().bottom) { a.scrollIntoView({block: 'nearest'}); r = a.getBoundingClientRect(); }
                var x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
                return r.top >= map.top && r.bottom <= map.bottom && r.left >= map.left && r.right <= map.right
                  && y < window.innerHeight && document.elementFromPoint(x, y) === a;""")));
        WebElement apply = browser.find(".leaflet-popup-content a.apply");
        assertTrue(apply.isDisplayed(), where);
        browser.screenshot("map-apply-" + where);
        assertFalse(browser.js("return document.querySelector('.leaflet-popup-content a.apply').href") == null, where);
    }

    @Test
    void thePopupsApplyLinkIsReachableInA640PixelIframe() {
        browser.open(base + "/index.html");
        browser.driver().switchTo().frame("map-frame");
        WebPagesBrowserTest.waitForPins(browser);
        assertApplyReachable("iframe-640");
    }

    @Test
    void thePopupsApplyLinkIsReachableInA448PixelMap() {
        browser.driver().manage().window().setSize(new Dimension(1000, 640));
        openMap();
        long height = ((Number) browser.js("return document.getElementById('map').getBoundingClientRect().height")).longValue();
        assertTrue(height <= 460, "map height " + height);
        assertApplyReachable("map-448");
    }
}
