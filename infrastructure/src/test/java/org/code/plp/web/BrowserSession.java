package org.code.plp.web;

import org.code.plp.local.TestCloud;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One chromium for a test class, against the shared TestCloud: {@code @RegisterExtension static
 * final BrowserSession session = new BrowserSession();} then {@code session.browser}, {@code session.base}.
 * The class is skipped (an assumption) when chromium or chromedriver is missing.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {
    Browser browser;
    String base;

    @Override
    public void beforeAll(ExtensionContext context) {
        Browser.assumeInstalled();
        base = TestCloud.shared().baseUri().toString();
        browser = Browser.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }
}
