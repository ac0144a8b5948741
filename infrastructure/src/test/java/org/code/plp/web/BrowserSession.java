package org.code.plp.web;

import org.code.plp.local.TestCloud;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One chromium for a test class, against the shared TestCloud: {@code @RegisterExtension static
 * final BrowserSession session = new BrowserSession("FAILED-x-");} then {@code session.browser}, {@code session.base}
 * (ready before the class's own {@code @BeforeAll}). The class is skipped (an assumption) when chromium or
 * chromedriver is missing. On a failure it prints the page's address and console and saves a full screenshot
 * {@code <prefix><test method>.png}, to see why.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {
    private final String evidencePrefix;
    private boolean consolePerTest;
    Browser browser;
    String base;

    BrowserSession() {
        this("FAILED-");
    }

    BrowserSession(String evidencePrefix) {
        this.evidencePrefix = evidencePrefix;
    }

    /** Each test then reads only its own console messages: what earlier tests left is dropped before it. */
    BrowserSession consolePerTest() {
        consolePerTest = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Browser.assumeInstalled();
        base = TestCloud.shared().baseUri().toString();
        browser = Browser.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (consolePerTest) {
            browser.consoleErrors();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (browser != null) {
            System.out.println("FAILED " + context.getDisplayName() + " at " + browser.driver().getCurrentUrl()
                    + "; console: " + browser.consoleErrors() + "; screenshot "
                    + browser.fullScreenshot(evidencePrefix + context.getRequiredTestMethod().getName()));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }
}
