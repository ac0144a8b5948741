package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.code.plp.local.TestCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/** The map finds a visitor's region, shows the whole country, and keeps its popup usable at any size. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapFindBrowserTest {
    @RegisterExtension
    static final BrowserSession session = new BrowserSession("FAILED-");

    private String base;
    private Browser browser;
    private int pinCount;

    @BeforeAll
    void start() {
        base = session.base;
        browser = session.browser;
        pinCount = TestCloud.shared().http().get("/pins").json().get("features").size();
    }

    @AfterEach
    void fullSize() {
        browser.driver().switchTo().defaultContent();
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
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

    /**
     * A wheel turned over the map before it is clicked scrolls the page (the map leaves the event
     * alone); after a click on the map the wheel zooms it (the map takes the event, the page stays).
     * Every wheel event is recorded as it enters the window, so each check waits for the event itself,
     * and the pins are measured from the map's corner, so a page scroll alone does not count as a zoom.
     */
    @Test
    void theMouseWheelScrollsThePageUntilTheMapIsClickedThenZoomsIt() {
        browser.driver().manage().window().setSize(new Dimension(1280, 700));
        openMap();
        browser.js("""
                window.wheels = [];
                window.addEventListener('wheel', function (e) { window.wheels.push(e); }, {capture: true});""");
        WebElement map = browser.find("#map");
        Map<String, Object> before = pinInMap();

        new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(map), 0, 200).perform();
        browser.waitFor().until(d -> wheels() == 1);
        assertEquals(Boolean.FALSE, browser.js("return window.wheels[0].defaultPrevented"), "the unfocused map leaves the wheel to the page");
        browser.waitFor().until(d -> scrollY() > 0);
        assertEquals(before, pinInMap(), "the wheel over an unfocused map does not zoom it");

        browser.js("window.scrollTo(0, 0)");
        List<Long> spot = emptySpotOfMap();
        new Actions(browser.driver()).moveToElement(map, spot.get(0).intValue(), spot.get(1).intValue()).click().perform();
        assertTrue(browser.findAll(".leaflet-popup").isEmpty(), "the click landed on the map, not on a pin");
        assertEquals(before, pinInMap(), "a click on the map alone moves nothing");
        new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(map), 0, -300).perform();
        browser.waitFor().until(d -> wheels() == 2);
        assertEquals(Boolean.TRUE, browser.js("return window.wheels[1].defaultPrevented"), "the clicked map takes the wheel");
        browser.waitFor().until(d -> !before.equals(pinInMap()));
        assertEquals(0L, scrollY(), "the page did not scroll");
    }

    private long wheels() {
        return ((Number) browser.js("return window.wheels.length")).longValue();
    }

    private long scrollY() {
        return ((Number) browser.js("return Math.round(window.scrollY)")).longValue();
    }

    /** The first pin's position measured from the map's top-left corner (changes when the map zooms or pans). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> pinInMap() {
        return (Map<String, Object>) browser.js("""
                var map = document.getElementById('map').getBoundingClientRect();
                var r = document.querySelector('.leaflet-marker-icon').getBoundingClientRect();
                return {x: Math.round(r.left - map.left), y: Math.round(r.top - map.top)};""");
    }

    /** A point of the map, as an offset from its centre, with no pin, cluster, control or popup under it. */
    @SuppressWarnings("unchecked")
    private List<Long> emptySpotOfMap() {
        return (List<Long>) browser.js("""
                var box = document.getElementById('map').getBoundingClientRect();
                var bottom = Math.min(box.bottom, window.innerHeight);
                for (var y = box.top + 80; y < bottom - 40; y += 17) {
                  for (var x = box.left + 80; x < box.right - 80; x += 23) {
                    var e = document.elementFromPoint(x, y);
                    if (e && e.closest('#map') && !e.closest('.leaflet-marker-icon, .leaflet-control, .leaflet-popup')) {
                      return [Math.round(x - (box.left + box.width / 2)), Math.round(y - (box.top + box.height / 2))];
                    }
                  }
                }
                throw new Error('no empty spot on the map');""");
    }

    /** The popup's Apply link is inside the map's box and on top (clickable), not under the legend or the edge. */
    private void assertApplyReachable(String where) {
        browser.find("#regions li[data-region-id='boise-id'] button.show-on-map").click();
        waitForPopup("Boise, ID");
        assertApplyOnTopInsideTheMap();
        WebElement apply = browser.find(".leaflet-popup-content a.apply");
        assertTrue(apply.isDisplayed(), where);
        browser.screenshot("map-apply-" + where);
        assertFalse(browser.js("return document.querySelector('.leaflet-popup-content a.apply').href") == null, where);
    }

    /**
     * Waits until the open popup's Apply link lies inside the map's box (the popup's whole width too)
     * and inside the window (the frame's window when embedded), and it and the popup's heading are
     * each the element at their own point: no control, legend or edge covers them.
     */
    private void assertApplyOnTopInsideTheMap() {
        browser.waitFor().until(d -> Boolean.TRUE.equals(browser.js("""
                var a = document.querySelector('.leaflet-popup-content a.apply');
                var h = document.querySelector('.leaflet-popup-content .region-title');
                if (!a || !h || getComputedStyle(a.closest('.leaflet-popup')).opacity !== '1'
                    || document.querySelector('#map .leaflet-pan-anim, #map.leaflet-zoom-anim')) {
                  return false; // still fading in, panning or zooming: judged where it comes to rest
                }
                var hr = h.getBoundingClientRect();
                if (document.elementFromPoint(hr.left + 20, (hr.top + hr.bottom) / 2) !== h) { return false; }
                var map = document.getElementById('map').getBoundingClientRect();
                var r = a.getBoundingClientRect();
                var popup = a.closest('.leaflet-popup-content');
                if (r.bottom > popup.getBoundingClientRect().bottom) { a.scrollIntoView({block: 'nearest'}); r = a.getBoundingClientRect(); }
                var x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
                var whole = a.closest('.leaflet-popup-content-wrapper').getBoundingClientRect();
                return r.top >= map.top && r.bottom <= map.bottom && whole.left >= map.left && whole.right <= map.right
                  && y < window.innerHeight && document.elementFromPoint(x, y) === a;""")));
    }

    /**
     * The map as the program page embeds it (index.html's 640 px iframe), on a laptop and on a phone:
     * axe finds nothing serious, a ZIP opens its region's pin, and a mouse click on the popup's Apply
     * link (an Actions click, which hits whatever is on top at that point and never scrolls) takes the
     * whole page to the application form with that region chosen.
     */
    @ParameterizedTest(name = "{0} px wide")
    @CsvSource({"1366, 768", "390, 844"})
    void inTheEmbeddedMapAZipOpensItsPinAndTheApplyLinkTakesAClick(int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
        browser.open(base + "/index.html");
        browser.js("document.getElementById('map-frame').scrollIntoView({block: 'center'})");
        browser.driver().switchTo().frame("map-frame");
        WebPagesBrowserTest.waitForPins(browser);
        assertEquals(List.of(), Axe.seriousViolations(browser), "the embedded map at " + width + " px");

        find("83702");
        waitForPopup("Boise, ID");
        assertApplyOnTopInsideTheMap();
        browser.screenshot("map-embedded-apply-" + width);
        assertEquals(List.of(), Axe.seriousViolations(browser), "the embedded map with a popup at " + width + " px");
        WebElement apply = browser.find(".leaflet-popup-content a.apply");
        assertEquals("Apply for Boise, ID", apply.getText());
        new Actions(browser.driver()).moveToElement(apply).click().perform();

        browser.driver().switchTo().defaultContent();
        browser.waitFor().until(d -> d.getCurrentUrl().endsWith("/apply.html?region=boise-id"));
        browser.waitFor().until(d -> "boise-id".equals(browser.find("#regionId").getAttribute("value")));
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
