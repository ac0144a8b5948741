package org.code.plp.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {
    @ParameterizedTest
    @ValueSource(strings = {"\u00A0", "\u2007", "\u202F", "\u3000", "\u2003", "\u00A0 \u3000\t"})
    void everyUnicodeSpaceIsTrimmed(String spaces) {
        assertNull(Text.problem(spaces + "Ada" + spaces, false));
        assertEquals("Ada", Text.clean(spaces + "Ada" + spaces, false));
        assertEquals("", Text.clean(spaces, false));
        assertEquals("", Text.clean(spaces, true));
    }

    @Test
    void innerSpacesOfALineBecomeOneSpace() {
        assertEquals("New Orleans", Text.clean("New\u00A0\u00A0Orleans", false));
        assertEquals("two\n\nlines", Text.clean("two\n\nlines", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202E", "\u202D", "\u2066", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
        "\u0000", "\u0007", "\u001C", "\u007F", "\u0085", "\n", "\r", "\u2028", "\u2029", "\uFDD0", "\uFFFE", "\uFFFF",
        "\uD83F\uDFFF", "\uFFFD", "\uD800", "\uDC00", "\uDBFF"})
    void aSingleLineRefusesInvisibleControlAndNonText(String bad) {
        assertNotNull(Text.problem("Ada" + bad + "Lovelace", false), () -> "U+" + Integer.toHexString(bad.codePointAt(0)));
        assertNotNull(Text.problem(bad, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202E", "\u2067", "\u200E", "\uFEFF", "\u0000", "\u001B", "\uFDEF", "\uD800", "\uFFFD"})
    void aParagraphRefusesBidiControlsAndNonText(String bad) {
        assertNotNull(Text.problem("one" + bad + "two", true));
    }

    @Test
    void aParagraphKeepsLineBreaksTabsAndEmojiJoiners() {
        String text = "first line\r\n\tsecond 👩\u200D💻 line";
        assertNull(Text.problem(text, true));
        assertEquals(text, Text.clean(text, true));
    }

    @Test
    void textIsStoredInNfc() {
        assertEquals("Jos\u00E9", Text.clean("Jose\u0301", false));
        assertEquals("\uD835\uDC00", Text.clean("\uD835\uDC00", false));
        assertNull(Text.problem("Zoë 🎉 São Tomé", false));
    }
}
