package org.code.plp.web;

import org.openqa.selenium.support.ui.Select;

/** What the tests type into web/apply.html the same way, whatever else their application says. */
final class ApplyPage {
    private ApplyPage() {
    }

    /** The organization's address and phone in New Orleans and its program manager, Ada Lovelace, at {@code email}. */
    static void fillAddressAndManager(Browser browser, String email) {
        browser.find("#org-street").sendKeys("1 Canal St");
        browser.find("#org-city").sendKeys("New Orleans");
        new Select(browser.find("#org-state")).selectByValue("LA");
        browser.find("#org-zip").sendKeys("70112");
        browser.find("#org-phone").sendKeys("504-555-0100");
        browser.find("#pm-first").sendKeys("Ada");
        browser.find("#pm-last").sendKeys("Lovelace");
        browser.find("#pm-title").sendKeys("Director");
        browser.find("#pm-email").sendKeys(email);
        browser.find("#pm-phone").sendKeys("(504) 555-0101");
    }
}
