package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.code.plp.outbox.EmailType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmailCopyTest {
    private static final EmailCopy COPY = new EmailCopy();

    @ParameterizedTest
    @EnumSource(EmailType.class)
    void everyTypeHasItsThreeFiles(EmailType type) throws IOException {
        for (String part : EmailCopy.PARTS) {
            String path = EmailCopy.resource(type, part);
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
                assertNotNull(in, path + " is missing");
                assertFalse(new String(in.readAllBytes(), StandardCharsets.UTF_8).isBlank(), path + " is empty");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theLayoutIsAUtf8DocumentWithOneBodySlotAndOnlyTheSubject() {
        Template layout = COPY.layout();
        String html = layout.render(java.util.Map.of(), v -> v);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertEquals(html.indexOf(EmailCopy.BODY_SLOT), html.lastIndexOf(EmailCopy.BODY_SLOT));
        assertTrue(html.contains(EmailCopy.BODY_SLOT));
        assertEquals(Set.of("subject"), layout.placeholders());
    }

    @ParameterizedTest
    @EnumSource(EmailType.class)
    void copyUsesOnlyValuesItsProducerWrites(EmailType type) {
        EmailCopy.Parts parts = COPY.of(type);
        for (Template template : new Template[] {parts.subject(), parts.text(), parts.html()}) {
            Set<String> unknown = new HashSet<>(template.placeholders());
            unknown.removeAll(EmailCopy.knownValues(type));
            assertTrue(unknown.isEmpty(), template.name() + " uses unknown placeholders " + unknown);
        }
    }

    @ParameterizedTest
    @EnumSource(EmailType.class)
    void subjectIsOneLineAndHtmlIsAFragmentOfTheLayout(EmailType type) {
        EmailCopy.Parts parts = COPY.of(type);
        String subject = parts.subject().render(java.util.Map.of(), v -> v).strip();
        assertFalse(subject.contains("\n"), "subject of " + type + " spans lines");
        String html = parts.html().render(java.util.Map.of(), v -> v);
        assertFalse(html.contains("<html") || html.contains("<body"), type + ".html should be a fragment; the layout is shared");
        assertEquals(-1, html.indexOf("{{"), type + ".html has a malformed placeholder");
        assertEquals(-1, parts.text().render(java.util.Map.of(), v -> v).indexOf("{{"), type + ".txt has a malformed placeholder");
    }
}
