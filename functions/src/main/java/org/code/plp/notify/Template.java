package org.code.plp.notify;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of email copy with {@code {{name}}} placeholders; {@code {{name|words}}} uses "words"
 * when the value is missing or blank (optional form fields). Values pass through an escaper
 * (HTML-escaping for the HTML part); the copy around them is trusted, it is ours.
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(?:\\|([^}]*))?}}");

    private final String name;
    private final String text;

    public Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public String name() {
        return name;
    }

    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    public String render(Map<String, String> values, UnaryOperator<String> escape) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                value = m.group(2) == null ? "" : m.group(2).strip();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
