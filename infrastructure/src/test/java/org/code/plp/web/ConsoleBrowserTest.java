package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.code.plp.local.TestRegions;
import org.code.plp.local.TestCloud;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The console's region screens in Debian's chromium at a laptop (1366 px) and a phone (390 px) width:
 * a region edited with a field error shown beside its field, an import whose dry run rejects a row,
 * the interest summary's "open a region here"; no sideways scrolling; no serious axe-core violation.
 */
class ConsoleBrowserTest {
    @RegisterExtension
    static final BrowserSession session = new BrowserSession("FAILED-console-").consolePerTest();

    private final TestCloud cloud = TestCloud.shared();
    private final RegionRepository regions = new RegionRepository(cloud.platform());
    private final String base = session.base;
    private final Browser browser = session.browser;

    @ParameterizedTest
    @ValueSource(ints = {1366, 390})
    void anAdminEditsARegionAndImportsAFileWithARejectedRow(int width) throws IOException {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        String id = TestCloud.uniqueId("edit");
        regions.put(region(id, "Helena"));
        signInAsAdmin();

        browser.open(base + "/regions.html");
        By edit = By.xpath("//tbody[@id='regions-body']/tr[.//code[text()='" + id + "']]//button[text()='Edit']");
        browser.waitFor().until(d -> !d.findElements(edit).isEmpty());
        assertNoSidewaysScroll("regions list");
        assertEquals(List.of(), Axe.seriousViolations(browser), "regions list");
        browser.waitFor().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(edit).click();
            return true;
        });
        browser.waitFor().until(d -> "Edit Helena, MT".equals(browser.find("#editor-title").getText()));
        WebElement lat = browser.find("#region-lat");
        lat.clear();
        lat.sendKeys("95");
        browser.find("#save-region").click();
        WebElement error = browser.waitVisible("#field-lat .field-error");
        assertTrue(error.getText().contains("90"), error.getText());
        assertEquals("true", lat.getAttribute("aria-invalid"));
        assertTrue(lat.getAttribute("aria-describedby").contains(error.getAttribute("id")), "the error is read with the field");
        assertFalse(browser.find("#editor-summary").getAttribute("hidden") != null, "the summary lists it");
        assertEquals(List.of(), Axe.seriousViolations(browser), "region editor with an error");
        browser.screenshot("console-region-error-" + width);

        lat.clear();
        lat.sendKeys("46.59");
        WebElement summary = browser.find("#region-summary");
        summary.clear();
        summary.sendKeys("Edited in the browser at " + width + " px");
        browser.find("#save-region").click();
        browser.waitFor().until(d -> browser.find("#regions-status").getText().startsWith("Saved Helena, MT"));
        RegionItem saved = regions.find(id).orElseThrow();
        assertEquals("Edited in the browser at " + width + " px", saved.getSummary());
        assertEquals(46.59, saved.getLat(), 1e-9);

        String good = TestCloud.uniqueId("imp");
        String bad = TestCloud.uniqueId("imp");
        Path file = Files.createTempFile("regions-", ".csv");
        Files.writeString(file, "regionId,city,state,lat,lng,districts,schools,teachers,students,programsSought\r\n"
                + good + ",Great Falls,MT,47.5,-111.3,3,20,200,4000,csp\r\n"
                + bad + ",Nowhere,ZZ,47.5,-111.3,3,20,200,4000,csp\r\n");
        browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
        browser.find("#import-check").click();
        browser.waitFor().until(d -> browser.find("#import-report-title").getText().startsWith("Check of"));
        List<WebElement> reportRows = browser.findAll("#import-body tr");
        assertEquals(2, reportRows.size());
        assertTrue(reportRows.get(1).getText().contains("rejected") && reportRows.get(1).getText().contains("state"),
                reportRows.get(1).getText());
        assertTrue(regions.find(good).isEmpty(), "a dry run saves nothing");
        assertNoSidewaysScroll("import report");
        assertEquals(List.of(), Axe.seriousViolations(browser), "import report");
        browser.screenshot("console-import-report-" + width);
        browser.find("#import-apply").click();
        browser.waitFor().until(d -> browser.find("#import-report-title").getText().startsWith("Imported"));
        assertTrue(regions.find(good).isPresent());
        assertTrue(regions.find(bad).isEmpty());
        // The browser logs every 4xx answer; the one 400 here is the latitude the test typed wrong on purpose.
        assertEquals(List.of(), browser.consoleErrors().stream().filter(e -> !e.contains("/admin/pins/" + id)
                || !e.contains("status of 400")).toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {1366, 390})
    void theInterestSummaryOpensARegionPrefilled(int width) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        String city = "Interestville " + TestCloud.uniqueId("c").substring(2, 8);
        var created = cloud.http().post("/interest", java.util.Map.of("email", "t@example.org", "zip", "59101", "role", "teacher",
                "city", city, "state", "MT"));
        assertEquals(201, created.status(), created::toString);
        signInAsAdmin();
        browser.find("#reload-interest").click();
        // The summary renders twice (sign-in, then Reload): find and click the link in one step, again if it was replaced.
        By link = By.xpath("//table[@id='interest-cities']//a[contains(@aria-label, '" + city + "')]");
        browser.waitFor().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(link).isEmpty() && d.findElement(link).isDisplayed());
        assertNoSidewaysScroll("console with interest");
        assertEquals(List.of(), Axe.seriousViolations(browser), "console: applications and interest");
        browser.waitFor().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(link).click();
            return true;
        });
        browser.waitFor().until(d -> "New region".equals(browser.find("#editor-title").getText()));
        assertEquals(city, browser.find("#region-city").getAttribute("value"));
        assertEquals("MT", browser.find("#region-state").getAttribute("value"));
        assertTrue(browser.find("#editor-interest").getText().startsWith("1 interest form came from " + city));
        assertNoSidewaysScroll("prefilled region");
        assertEquals(List.of(), Axe.seriousViolations(browser), "prefilled region");
    }

    @ParameterizedTest
    @ValueSource(ints = {1366, 390})
    void theStaffLinkOpensTheApplicationWithItsInternalDecisionNote(int width) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        String org = "Linked Org " + TestCloud.uniqueId("o");
        var created = cloud.http().post("/applications", java.util.Map.of("regionId", "new-orleans-la",
                "organization", java.util.Map.of("name", org, "type", "nonprofit", "phone", "504-555-0100",
                        "address", java.util.Map.of("street", "1 Canal St", "city", "New Orleans", "state", "LA", "zip", "70112")),
                "programManager", java.util.Map.of("firstName", "Ada", "lastName", "Link", "email", TestCloud.uniqueId("l") + "@example.org",
                        "phone", "504-555-0101"),
                "programs", List.of("csp"), "districtRelationships", "Twelve.", "pdExperience", "Ten years.", "fundingPlan", "Grants.",
                "agreedToTerms", true));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("id").asText();
        var decided = cloud.http().post("/admin/applications/" + id + "/decision", java.util.Map.of("status", "pending",
                "expectedVersion", 1, "note", "Strong districts; call them."), "Authorization", cloud.bearer("lead@code.org", "reviewers"));
        assertEquals(200, decided.status(), decided::toString);
        signInAsAdmin();
        browser.open(base + "/admin.html?open=" + id);
        browser.waitFor().until(d -> org.equals(browser.find("#detail-title").getText()));
        WebElement note = browser.waitVisible("#status-log .internal-note");
        assertEquals("Internal note (not sent to the applicant): Strong districts; call them.", note.getText());
        browser.find("#scores input[type=radio][value='yes']").click();
        browser.waitFor().until(d -> browser.find("#console-status").getText().contains("Score saved"));
        browser.find("#review-panels").findElement(By.xpath(".//button[text()='Assign me']")).click();
        browser.waitFor().until(d -> browser.find("#review-panels").getText().contains("browser-admin@code.org (by browser-admin@code.org"));
        browser.find("#filter-assigned").click();
        browser.find("#filter-sort").sendKeys("Highest score first");
        browser.find("#apply-filters").click();
        browser.waitFor().until(d -> !browser.findAll("#queue-body tr[data-id='" + id + "']").isEmpty());
        // textContent: on a phone the list is hidden while the application is open. The list may re-render meanwhile.
        browser.waitFor().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                browser.find("#queue-body tr[data-id='" + id + "']").getAttribute("textContent").contains("100% (1)"));
        assertNoSidewaysScroll("application detail");
        assertEquals(List.of(), Axe.seriousViolations(browser), "application detail");
    }

    @ParameterizedTest
    @ValueSource(ints = {1366, 390})
    void theAddressKeepsFiltersAndTheOpenApplicationAndNextPreviousWalkTheList(int width) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        String regionId = TestCloud.uniqueId("nav");
        regions.put(region(regionId, "Bozeman"));
        List<String> orgs = List.of("Alpha " + regionId, "Beta " + regionId, "Gamma " + regionId);
        orgs.forEach(org -> submitApplication(regionId, org));
        signInAsAdmin();
        browser.open(base + "/admin.html?region=" + regionId);
        browser.waitFor().until(d -> browser.findAll("#queue-body tr[data-id]").size() == 3);
        assertEquals(regionId, browser.find("#filter-region").getAttribute("value"), "the address's region is chosen");
        browser.findAll("#queue-body button.open").get(0).click();
        browser.waitFor().until(d -> orgs.get(2).equals(browser.find("#detail-title").getText()));
        if (width < 1000) {
            assertFalse(browser.find("#queue-pane").isDisplayed(), "on a phone the detail replaces the list");
            assertTrue(browser.find("#back-to-list").isDisplayed());
        } else {
            assertTrue(browser.find("#queue-pane").isDisplayed(), "on a laptop the detail is beside the list");
            int listTop = browser.find("#queue-pane").getLocation().getY();
            int detailTop = browser.find("#detail").getLocation().getY();
            assertTrue(Math.abs(detailTop - listTop) < 50, "side by side: " + listTop + " vs " + detailTop);
        }
        assertNoSidewaysScroll("detail");
        assertEquals(List.of(), Axe.seriousViolations(browser), "queue and detail");
        browser.find("#next-application").click();
        browser.waitFor().until(d -> orgs.get(1).equals(browser.find("#detail-title").getText()));
        String openId = browser.find("#queue-body tr[data-id]:nth-child(2)").getAttribute("data-id");
        browser.waitFor().until(d -> String.valueOf(browser.js("return location.search")).contains("open=" + openId));

        browser.driver().navigate().refresh();
        browser.waitFor().until(d -> orgs.get(1).equals(browser.find("#detail-title").getText()));
        assertEquals(regionId, browser.find("#filter-region").getAttribute("value"), "a reload keeps the filter");
        browser.find("#prev-application").click();
        browser.waitFor().until(d -> orgs.get(2).equals(browser.find("#detail-title").getText()));
        assertTrue(browser.find("#prev-application").getAttribute("disabled") != null, "the first has no previous");
    }

    /** The queue pages by 25: next from the last row opens the first of the next page, previous comes back. */
    @Test
    void nextAndPreviousCrossToTheNeighbouringPage() {
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        String regionId = TestCloud.uniqueId("pages");
        regions.put(region(regionId, "Bozeman"));
        IntStream.range(0, 26).forEach(i -> submitApplication(regionId, "Org " + i + " " + regionId));
        signInAsAdmin();
        browser.open(base + "/admin.html?region=" + regionId);
        browser.waitFor().until(d -> browser.findAll("#queue-body tr[data-id]").size() == 25);
        String lastOfPage1 = browser.find("#queue-body tr[data-id]:last-child").getAttribute("data-id");
        browser.find("#queue-body tr[data-id]:last-child button.open").click();
        waitUntilOpen(lastOfPage1);
        assertTrue(browser.find("#next-application").getAttribute("disabled") == null, "the page's last row has a next: the next page");

        browser.find("#next-application").click();
        browser.waitFor().until(d -> "Page 2".equals(browser.find("#page-label").getText()));
        browser.waitFor().until(d -> browser.findAll("#queue-body tr[data-id]").size() == 1);
        String onlyOfPage2 = browser.find("#queue-body tr[data-id]").getAttribute("data-id");
        waitUntilOpen(onlyOfPage2);
        assertTrue(browser.find("#next-application").getAttribute("disabled") != null, "the last of all has no next");
        assertTrue(browser.find("#prev-application").getAttribute("disabled") == null, "the first of page 2 has a previous");

        browser.find("#prev-application").click();
        browser.waitFor().until(d -> "Page 1".equals(browser.find("#page-label").getText()));
        waitUntilOpen(lastOfPage1);
        assertEquals(25, browser.findAll("#queue-body tr[data-id]").size());
        assertEquals(List.of(), browser.consoleErrors(), "console");
    }

    /** The detail shows {@code id}: the address names it and its row is the current one. */
    private void waitUntilOpen(String id) {
        browser.waitFor().until(d -> String.valueOf(browser.js("return location.search")).contains("open=" + id));
        browser.waitFor().until(d -> "true".equals(browser.find("#queue-body tr[data-id='" + id + "']").getAttribute("aria-current")));
    }

    private void submitApplication(String regionId, String org) {
        var created = cloud.http().post("/applications", java.util.Map.of("regionId", regionId,
                "organization", java.util.Map.of("name", org, "type", "nonprofit", "phone", "406-555-0100",
                        "address", java.util.Map.of("street", "1 Main St", "city", "Bozeman", "state", "MT", "zip", "59715")),
                "programManager", java.util.Map.of("firstName", "Ada", "lastName", "Nav", "email",
                        TestCloud.uniqueId("n") + "@example.org", "phone", "406-555-0101"),
                "programs", List.of("csp"), "districtRelationships", "Two.", "pdExperience", "Some.", "fundingPlan", "Grants.",
                "agreedToTerms", true), "Idempotency-Key", TestCloud.uniqueId("key"));
        assertEquals(201, created.status(), created::toString);
    }

    private void signInAsAdmin() {
        browser.open(base + "/admin.html");
        browser.js("sessionStorage.clear()");
        browser.open(base + "/admin.html");
        browser.waitVisible("#signin-local");
        WebElement email = browser.find("#local-email");
        email.clear();
        email.sendKeys("browser-admin@code.org");
        WebElement admins = browser.find("#group-admins");
        if (!admins.isSelected()) {
            admins.click();
        }
        browser.find("#local-signin").click();
        browser.waitVisible("#console");
    }

    private void assertNoSidewaysScroll(String where) {
        Number overflow = (Number) browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, where + " scrolls sideways by " + overflow + " px");
    }

    private static RegionItem region(String id, String city) {
        RegionItem region = TestRegions.seeking(id, "Browser test " + id);
        region.setCity(city);
        region.setDistricts(3L);
        region.setSchools(20L);
        region.setTeachers(200L);
        region.setStudents(4000L);
        return region;
    }
}
