package org.code.plp.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.code.plp.applications.DuplicateKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Zoë, zoe",
        "ZOË, zoe",
        "François Müller, francois muller",
        "Søren Straße, soren strasse",
        "École, ecole",
    })
    void accentsAndCaseFold(String text, String folded) {
        assertEquals(folded, Fold.text(text));
    }

    @Test
    void organizationNamesFoldPunctuationToo() {
        assertEquals(DuplicateKeys.orgKey("r1", "Crescent City S.T.E.M., Inc."), DuplicateKeys.orgKey("r1", "crescent  city stem inc"));
        assertEquals("r1#fundacion nino", DuplicateKeys.orgKey("r1", "Fundación  Niño!"));
        assertEquals("ada@example.org", DuplicateKeys.emailKey(" Ada@Example.org "));
    }
}
