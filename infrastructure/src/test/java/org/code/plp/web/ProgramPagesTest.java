package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.code.plp.local.ProjectPaths;
import org.code.plp.local.TemplateModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The program's own pages (program page, FAQ, terms) as static files: every in-site link and
 * fragment resolves, the FAQ's table of contents lists every question, the terms carry one version
 * that the application form names, and no page still promises the program's old Google links.
 */
class ProgramPagesTest {
    private static final Path WEB = ProjectPaths.web();
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    static Stream<String> pages() {
        return Stream.of("index.html", "faq.html", "terms.html", "apply.html", "interest.html", "map.html");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyLinkInTheSiteLeadsToAPageAndAnchorThatExist(String page) throws IOException {
        Matcher links = HREF.matcher(read(page));
        while (links.find()) {
            String href = links.group(1);
            if (href.startsWith("mailto:") || href.startsWith("http")) {
                assertFalse(href.contains("goo.gl") || href.contains("docs.google.com"), page + " links the old Google documents: " + href);
                continue;
            }
            String file = href.startsWith("#") ? page : href.replaceAll("[?#].*$", "");
            assertTrue(Files.isRegularFile(WEB.resolve(file)), page + " links a missing page: " + href);
            int hash = href.indexOf('#');
            if (hash >= 0 && hash < href.length() - 1) {
                assertTrue(ids(file).contains(href.substring(hash + 1)), page + " links a missing anchor: " + href);
            }
        }
    }

    @Test
    void theFaqContentsListEveryQuestionOnceAndEveryQuestionIsLinkable() throws IOException {
        String faq = read("faq.html");
        String toc = faq.substring(faq.indexOf("class=\"toc\""), faq.indexOf("</nav>", faq.indexOf("class=\"toc\"")));
        List<String> listed = new ArrayList<>();
        Matcher links = HREF.matcher(toc);
        while (links.find()) {
            listed.add(links.group(1).substring(1));
        }
        List<String> questions = new ArrayList<>();
        Matcher articles = Pattern.compile("<article class=\"qa\" aria-labelledby=\"([^\"]+)\">\\s*<h3 id=\"([^\"]+)\"").matcher(faq);
        while (articles.find()) {
            assertEquals(articles.group(1), articles.group(2), "each answer is labelled by its own question");
            questions.add(articles.group(2));
        }
        assertTrue(questions.size() >= 8, "the program's questions: " + questions);
        assertEquals(questions, listed, "the contents list every question in the order they appear");
        assertEquals(questions.size(), new HashSet<>(questions).size(), "question anchors are unique");
    }

    /**
     * One version of the terms: terms.html states it (and the page sends what it reads there), the
     * template's TERMS_VERSION and the validator's default check applications against the same one.
     */
    @Test
    void theTermsVersionIsSetInTermsHtmlAndTheServerChecksTheSameOne() throws IOException {
        String terms = read("terms.html");
        Matcher version = Pattern.compile("data-terms-version=\"([^\"]+)\"").matcher(terms);
        assertTrue(version.find(), "terms.html states its version");
        assertTrue(terms.contains("id=\"terms-version\">" + version.group(1) + "<"), "the page shows the version it states");
        String apply = read("apply.html");
        assertTrue(apply.contains("href=\"terms.html\""), "the terms box links the terms");
        assertTrue(apply.contains("<input type=\"hidden\" id=\"termsVersion\" name=\"termsVersion\" disabled>"),
                "the form's version field waits for what terms.html states");
        assertFalse(Pattern.compile("\\b\\d{4}-\\d+\\b").matcher(apply).find(), "apply.html names no version of its own");
        assertTrue(Files.readString(WEB.resolve("js/apply.js")).contains("fetch(\"terms.html\")"), "apply.js reads the version from terms.html");
        assertEquals(version.group(1), TemplateModel.load().globalEnv().get("TERMS_VERSION"),
                "the server checks applications against the version of terms.html (TERMS_VERSION in template.yaml)");
        assertEquals(version.group(1), org.code.plp.applications.ApplicationValidator.TERMS_VERSION,
                "the validator's default is the version of terms.html");
    }

    @Test
    void noPageOrEmailPromisesNewsTheCodeNeverSends() throws IOException {
        List<Path> texts = new ArrayList<>();
        pages().forEach(page -> texts.add(WEB.resolve(page)));
        texts.add(WEB.resolve("status.html"));
        texts.add(WEB.resolve("js/status.js"));
        texts.add(ProjectPaths.root().resolve("functions/src/main/java/org/code/plp/applicant/StatusWords.java"));
        try (Stream<Path> emails = Files.list(ProjectPaths.root().resolve("functions/src/main/resources/email"))) {
            emails.forEach(texts::add);
        }
        for (Path text : texts) {
            String words = Files.readString(text).replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
            for (String promise : List.of("let you know when", "news about your region", "we will write to you if",
                    "we will email you when a", "notify you when")) {
                assertFalse(words.contains(promise), text.getFileName() + " promises \"" + promise + "...\", which no code sends");
            }
        }
        String interest = read("interest.html");
        assertTrue(interest.contains("receipt"), "the interest page says what it does send");
    }

    @Test
    void theProgramPageSaysWhatAPartnerCommitsToAndWhatCodeOrgProvidesAndEmbedsTheMap() throws IOException {
        String index = read("index.html");
        for (String section : List.of("id=\"about\"", "id=\"commit\"", "id=\"provide\"", "id=\"where\"", "id=\"map-frame\"", "href=\"apply.html\"")) {
            assertTrue(index.contains(section), "program page has " + section);
        }
    }

    private static Set<String> ids(String page) throws IOException {
        Set<String> ids = new HashSet<>();
        Matcher m = ID.matcher(read(page));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String read(String page) throws IOException {
        return Files.readString(WEB.resolve(page));
    }
}
