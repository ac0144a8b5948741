package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * template.yaml deploys as the README says: `sam build` must take every function's code as already
 * built (a CodeUri ending in .zip), cfn-lint finds nothing, and the SAM translator turns it into
 * CloudFormation for dev and prod. The tools live in the machine's Python; without them those
 * checks are skipped, never passed.
 */
class DeployTemplateTest {
    static final String CODE_URI = "functions/target/plp-functions-lambda.zip";

    private final TemplateModel template = TemplateModel.load();

    @Test
    void everyFunctionDeploysTheShadedZipThatSamBuildSkips() {
        // SAM CLI skips building a CodeUri ending in .zip and rewrites its path for .aws-sam/build, but
        // only on the function itself: a Globals CodeUri would not be rewritten and the deploy would miss it.
        Map<String, Object> resources = TemplateModel.map(template.raw().get("Resources"));
        assertFalse(template.functions().isEmpty());
        for (TemplateModel.Function function : template.functions()) {
            Map<String, Object> properties = TemplateModel.map(TemplateModel.map(resources.get(function.logicalId())).get("Properties"));
            assertEquals(CODE_URI, properties.get("CodeUri"), function.logicalId() + " CodeUri");
        }
        assertFalse(TemplateModel.map(TemplateModel.map(template.raw().get("Globals")).get("Function")).containsKey("CodeUri"),
                "CodeUri in Globals is not rewritten by sam build");
    }

    @Test
    void cfnLintFindsNoErrorAndNoWarning() throws Exception {
        Result lint = run("cfn-lint", "template.yaml");
        assumeTrue(lint.code != 127, "cfn-lint is not installed");
        assertEquals(0, lint.code, lint.output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theSamTranslatorTransformsItWithNoExtraStage(String stage) throws Exception {
        Result transform = run("python3", "scripts/check-template.py", "template.yaml", "Stage=" + stage);
        assumeTrue(transform.code != 127 && transform.code != 2, "python3 with samtranslator is not installed: " + transform.output);
        assertEquals(0, transform.code, transform.output);
        assertTrue(transform.output.startsWith("OK: "), transform.output);
    }

    record Result(int code, String output) {
    }

    /** Runs a command in the repository root; exit code 127 when it is not installed. */
    static Result run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        Path root = ProjectPaths.root();
        Process process;
        try {
            process = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Result(127, notInstalled.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timed out: " + line);
        return new Result(process.exitValue(), output);
    }
}
