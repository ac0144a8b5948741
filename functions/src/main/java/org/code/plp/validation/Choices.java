package org.code.plp.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A closed list of codes with the words people see for them, in the order a form shows them.
 * {@code name} is its key in web/js/rules.json, where the pages read the same list.
 */
public record Choices(String name, Map<String, String> labels) {
    public Choices {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** {@code codeThenLabel}: code, label, code, label, ... */
    public static Choices of(String name, String... codeThenLabel) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < codeThenLabel.length; i += 2) {
            labels.put(codeThenLabel[i], codeThenLabel[i + 1]);
        }
        return new Choices(name, labels);
    }

    /** The codes in display order. */
    public Set<String> codes() {
        return labels.keySet();
    }

    public boolean contains(String code) {
        return code != null && labels.containsKey(code);
    }

    /** The label of a code, or null when the code is not one of these. */
    public String label(String code) {
        return code == null ? null : labels.get(code);
    }
}
