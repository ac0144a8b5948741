package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The shared form cases through web/js/forms.js in Debian's chromium: the page's own check of a
 * body (forms.js's validate, what a submit runs) must answer every case exactly as the Java
 * validator does: valid or not, the fields named and their messages. And the forms, whose lists
 * and caps now arrive from rules.json, still work framed at a laptop's and a phone's width.
 */
class FormCasesBrowserTest {
    @RegisterExtension
    static final BrowserSession session = new BrowserSession();

    @Test
    void formsJsJudgesEveryCaseAsTheJavaValidatorDoes() {
        List<FormCases.Case> cases = FormCases.all();
        session.browser.open(session.base + "/apply.html");
        session.browser.waitFor().until(d -> "true".equals(session.browser.find("#apply-form").getAttribute("data-ready")));
        String answers = (String) session.browser.withModule("js/forms.js", """
                return JSON.stringify(JSON.parse(args[0]).map(function (c) {
                  return module.validate(c.form, c.body);
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
        assertEquals(List.of(), session.browser.consoleErrors());
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0} at {1} px, framed")
    @CsvSource({"apply.html,apply-form,1366", "apply.html,apply-form,390", "interest.html,interest-form,1366",
            "interest.html,interest-form,390"})
    void theFormsFillTheirListsFromTheRulesInAnIframe(String page, String formId, int width) {
        session.browser.driver().manage().window().setSize(new Dimension(width, 900));
        session.browser.open(session.base + "/index.html");
        session.browser.js("""
                document.body.innerHTML = '';
                var frame = document.createElement('iframe');
                frame.id = 'form-frame'; frame.title = 'form'; frame.src = arguments[0];
                frame.style.width = '100%'; frame.style.height = '800px'; frame.style.border = '0';
                document.body.appendChild(frame);""", page);
        session.browser.driver().switchTo().frame(session.browser.driver().findElement(By.id("form-frame")));
        try {
            session.browser.waitFor().until(d -> "true".equals(session.browser.find("#" + formId).getAttribute("data-ready")));
            assertEquals(52, session.browser.findAll("select[data-choices=usStates] option").size(), "50 states, DC and a prompt");
            if (formId.equals("apply-form")) {
                assertEquals(List.of("csp", "csd", "ecs", "cs_in_science", "cs_in_algebra"),
                        session.browser.findAll("#programs-choices input").stream().map(e -> e.getAttribute("value")).toList());
                assertEquals(3, session.browser.findAll("input[name=facilitators]").size());
                assertEquals("5,000", session.browser.find("[data-max-of=pdExperience]").getText());
            } else {
                assertEquals(6, session.browser.findAll("#role option").size() - 1);
                assertTrue(session.browser.find("#grade-68").isEnabled());
            }
            Number overflow = (Number) session.browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow.intValue() <= 0, "no sideways scroll inside the frame at " + width + " px: " + overflow);
            session.browser.screenshot("form-framed-" + formId + "-" + width);
        } finally {
            session.browser.driver().switchTo().defaultContent();
        }
    }
}
