package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.code.plp.local.TestCloud;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The shared form cases through web/js/forms.js in Debian's chromium: the page's own check of a
 * body (PLP.forms.validate, what a submit runs) must answer every case exactly as the Java
 * validator does: valid or not, the fields named and their messages. And the forms, whose lists
 * and caps now arrive from rules.json, still work framed at a laptop's and a phone's width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormCasesBrowserTest {
    private String base;
    private Browser browser;

    @BeforeAll
    void start() {
        Browser.assumeInstalled();
        base = TestCloud.shared().baseUri().toString();
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void formsJsJudgesEveryCaseAsTheJavaValidatorDoes() {
        List<FormCases.Case> cases = FormCases.all();
        browser.open(base + "/apply.html");
        browser.waitFor().until(d -> "true".equals(browser.find("#apply-form").getAttribute("data-ready")));
        String answers = (String) browser.js("""
                return JSON.stringify(JSON.parse(arguments[0]).map(function (c) {
                  return PLP.forms.validate(c.form, c.body);
                }));""", FormCases.bodiesAsJson(cases));
        JsonNode js = Json.read(answers);

        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            FormCases.Case c = cases.get(i);
            List<String> browserErrors = new ArrayList<>();
            js.get(i).forEach(e -> browserErrors.add(e.get("field").asText() + ": " + e.get("message").asText()));
            List<String> javaErrors = FormCases.java(c).stream().map(e -> e.field() + ": " + e.message()).toList();
            List<String> expected = c.valid() ? List.of() : List.of(c.expectedField());
            List<String> browserFields = browserErrors.stream().map(e -> e.substring(0, e.indexOf(": "))).toList();
            if (!browserFields.equals(expected) || !sorted(browserErrors).equals(sorted(javaErrors))) {
                disagreements.add(c + "\n    browser: " + browserErrors + "\n    java:    " + javaErrors);
            }
        }
        assertEquals("", String.join("\n", disagreements), disagreements.size() + " of " + cases.size() + " cases");
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0} at {1} px, framed")
    @CsvSource({"apply.html,apply-form,1366", "apply.html,apply-form,390", "interest.html,interest-form,1366",
            "interest.html,interest-form,390"})
    void theFormsFillTheirListsFromTheRulesInAnIframe(String page, String formId, int width) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        browser.open(base + "/index.html");
        browser.js("""
                document.body.innerHTML = '';
                var frame = document.createElement('iframe');
                frame.id = 'form-frame'; frame.title = 'form'; frame.src = arguments[0];
                frame.style.width = '100%'; frame.style.height = '800px'; frame.style.border = '0';
                document.body.appendChild(frame);""", page);
        browser.driver().switchTo().frame(browser.driver().findElement(By.id("form-frame")));
        try {
            browser.waitFor().until(d -> "true".equals(browser.find("#" + formId).getAttribute("data-ready")));
            assertTrue(browser.findAll("select[data-choices=usStates] option").size() == 52, "51 states and DC, and a prompt");
            if (formId.equals("apply-form")) {
                assertEquals(List.of("csp", "csd", "ecs", "cs_in_science", "cs_in_algebra"),
                        browser.findAll("#programs-choices input").stream().map(e -> e.getAttribute("value")).toList());
                assertEquals(3, browser.findAll("input[name=facilitators]").size());
                assertEquals("5,000", browser.find("[data-max-of=pdExperience]").getText());
            } else {
                assertEquals(6, browser.findAll("#role option").size() - 1);
                assertTrue(browser.find("#grade-68").isEnabled());
            }
            Number overflow = (Number) browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow.intValue() <= 0, "no sideways scroll inside the frame at " + width + " px: " + overflow);
            browser.screenshot("form-framed-" + formId + "-" + width);
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }
}
