package org.code.plp.platform;

import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration: the environment variables template.yaml gives it.
 * In Lambda it is the process environment; the local cloud hands each function the
 * variables the template declares for it, since many functions share one JVM there.
 */
public final class Env {
    private final Map<String, String> variables;

    public Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Env fromProcess() {
        return new Env(System.getenv());
    }

    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String require(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("Missing environment variable " + name));
    }

    public String get(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /**
     * The site that links in email point at: SITE_URL (the local cloud sets its own address), else the
     * site's one origin, ALLOWED_ORIGIN.
     */
    public String siteUrl() {
        return get("SITE_URL", get("ALLOWED_ORIGIN", "https://code.org"));
    }

    public Map<String, String> asMap() {
        return variables;
    }
}
