package org.code.plp.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's template.yaml and web/ are: {@code -Dplp.root}, else the nearest folder up with a template.yaml. */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    public static Path root() {
        String configured = System.getProperty("plp.root", System.getenv("PLP_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No template.yaml found above " + Path.of("").toAbsolutePath() + "; set -Dplp.root");
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    public static Path web() {
        return root().resolve("web");
    }
}
