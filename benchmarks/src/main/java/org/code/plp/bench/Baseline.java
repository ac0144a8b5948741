package org.code.plp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.code.plp.local.TemplateModel;

/**
 * The code before a change, measured beside the current code in the same rounds: a checkout of an earlier commit
 * whose deployment package was built there. Read as the benchmark reads the current code: its template's functions,
 * Runtime and environment, its Globals CodeUri unpacked as a task root of its own, its events/.
 */
final class Baseline {
    private final Path checkout;
    private final String commit;
    private final TemplateModel template;
    private final LambdaRuntime runtime;
    private final Path taskRoot;

    private Baseline(Path checkout, Path taskRoot) throws IOException {
        this.checkout = checkout;
        this.template = TemplateModel.read(checkout.resolve("template.yaml"));
        this.runtime = LambdaRuntime.of(template);
        this.taskRoot = taskRoot;
        this.commit = head(checkout);
        Path codeUri = checkout.resolve(String.valueOf(TemplateModel.map(TemplateModel.map(template.raw().get("Globals"))
                .get("Function")).get("CodeUri")));
        if (!Files.isRegularFile(codeUri)) {
            throw new IllegalStateException("No deployment package " + codeUri + ": build it in the baseline checkout "
                    + "(./mvnw -q -DskipTests package -pl functions -am)");
        }
        TaskRoot.unpack(codeUri, taskRoot);
    }

    /** The baseline at {@code checkout} (none when blank), its package unpacked into {@code taskRoot}. */
    static Optional<Baseline> at(String checkout, Path taskRoot) throws IOException {
        return checkout.isBlank() ? Optional.empty() : Optional.of(new Baseline(Path.of(checkout).toAbsolutePath(), taskRoot));
    }

    /** The baseline's function of the same logical id, if it had one. */
    Optional<TemplateModel.Function> function(String logicalId) {
        return template.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    Path sampleEvents() {
        return checkout.resolve("events");
    }

    LambdaRuntime runtime() {
        return runtime;
    }

    Path taskRoot() {
        return taskRoot;
    }

    /** The checkout's path and commit, as the report names it. */
    String describe() {
        return "`" + commit + "` (" + checkout + ")";
    }

    private static String head(Path checkout) throws IOException {
        Process git = new ProcessBuilder("git", "-C", checkout.toString(), "rev-parse", "--short", "HEAD")
                .redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            return git.waitFor() == 0 ? out : "unknown commit";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown commit";
        }
    }
}
