package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TemplateTest {
    @Test
    void fillsValuesAndFallsBackWhenMissingOrBlank() {
        Template t = new Template("t", "Hello {{ name|there }}, from {{org}}.");
        assertEquals("Hello Ada, from Acme.", t.render(Map.of("name", "Ada", "org", "Acme"), UnaryOperator.identity()));
        assertEquals("Hello there, from .", t.render(Map.of("name", "  "), UnaryOperator.identity()));
        assertEquals(Set.of("name", "org"), t.placeholders());
    }

    @Test
    void escapesValuesAndDefaultsButNotTheCopy() {
        Template t = new Template("t", "<b>{{a}}</b> {{b|x<y}}");
        assertEquals("<b>&lt;i&gt;$1\\&amp;</b> x&lt;y", t.render(Map.of("a", "<i>$1\\&"), Html::escape));
    }
}
