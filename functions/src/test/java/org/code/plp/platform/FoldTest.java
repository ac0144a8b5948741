package org.code.plp.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.code.plp.applications.DuplicateKeys;
import org.junit.jupiter.api.Test;

class FoldTest {
    @Test
    void accentsAndCaseFold() {
        assertEquals("zoe", Fold.text("Zoë"));
        assertEquals("zoe", Fold.text("ZOË"));
        assertEquals("francois muller", Fold.text("François Müller"));
        assertEquals("soren strasse", Fold.text("Søren Straße"));
        assertEquals("ecole", Fold.text("École"));
    }

    @Test
    void organizationNamesFoldPunctuationToo() {
        assertEquals(DuplicateKeys.orgKey("r1", "Crescent City S.T.E.M., Inc."), DuplicateKeys.orgKey("r1", "crescent  city stem inc"));
        assertEquals("r1#fundacion nino", DuplicateKeys.orgKey("r1", "Fundación  Niño!"));
        assertEquals("ada@example.org", DuplicateKeys.emailKey(" Ada@Example.org "));
    }
}
