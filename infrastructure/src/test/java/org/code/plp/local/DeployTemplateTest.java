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
    void everyAnswerTheGatewayMakesItselfIsAProblemWithTheSitesCorsHeaders() {
        for (String type : List.of("DEFAULT_4XX", "DEFAULT_5XX", "UNAUTHORIZED", "ACCESS_DENIED", "WAF_FILTERED",
                "REQUEST_TOO_LARGE", "THROTTLED", "QUOTA_EXCEEDED", "INTEGRATION_TIMEOUT", "MISSING_AUTHENTICATION_TOKEN")) {
            TemplateModel.GatewayResponse response = template.gatewayResponse(type).orElseThrow(() -> new AssertionError("no " + type));
            assertEquals("application/problem+json", response.headers().get("Content-Type"), type);
            assertEquals(template.cors().orElseThrow().allowOrigin(), response.headers().get("Access-Control-Allow-Origin"), type);
            assertTrue(response.body().contains("\"type\":\"about:blank\"") && response.body().contains("\"title\""), type);
        }
        assertEquals(template.globalEnv().get("ALLOWED_ORIGIN"), template.cors().orElseThrow().allowOrigin(),
                "the functions' CORS origin and the gateway's are one value");
    }

    @Test
    void everyFunctionHasErrorAndThrottleAlarmsAndRollsBackOnItsErrors() {
        Map<String, Object> resources = TemplateModel.map(template.raw().get("Resources"));
        for (TemplateModel.Function function : template.functions()) {
            for (String metric : List.of("Errors", "Throttles")) {
                boolean alarmed = resources.values().stream().map(TemplateModel::map)
                        .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
                        .map(r -> TemplateModel.map(r.get("Properties")))
                        .anyMatch(p -> metric.equals(p.get("MetricName")) && String.valueOf(p.get("Dimensions"))
                                .contains("{Ref=" + function.logicalId() + "}") && p.get("AlarmActions") != null);
                assertTrue(alarmed, function.logicalId() + " has no " + metric + " alarm with an action");
            }
            Map<String, Object> properties = TemplateModel.map(TemplateModel.map(resources.get(function.logicalId())).get("Properties"));
            assertEquals(List.of(Map.of("Ref", function.logicalId() + "ErrorsAlarm")),
                    TemplateModel.map(properties.get("DeploymentPreference")).get("Alarms"), function.logicalId() + " canary alarms");
        }
    }

    @Test
    void everyTableIsRetainedAndDeletionProtectedInProd() {
        Map<String, Object> resources = TemplateModel.map(template.raw().get("Resources"));
        assertFalse(template.tables().isEmpty());
        for (TemplateModel.Table table : template.tables()) {
            Map<String, Object> resource = TemplateModel.map(resources.get(table.logicalId()));
            assertEquals("Retain", resource.get("DeletionPolicy"), table.logicalId());
            assertEquals("Retain", resource.get("UpdateReplacePolicy"), table.logicalId());
            assertEquals(Map.of("Fn::If", List.of("IsProd", true, false)),
                    TemplateModel.map(resource.get("Properties")).get("DeletionProtectionEnabled"), table.logicalId());
        }
    }

    /**
     * Public writes (forms, drafts, the applicant's status link) each have a method throttle under the
     * stage's, and WAF's per-IP rule covers exactly them: never a read, never the staff console.
     */
    @Test
    void everyPublicWriteIsThrottledTighterThanTheStageAndLimitedPerIpByWaf() {
        Map<String, Object> resources = TemplateModel.map(template.raw().get("Resources"));
        Map<String, Object> api = TemplateModel.map(TemplateModel.map(resources.get("PlpApi")).get("Properties"));
        Map<String, Integer> rates = new java.util.HashMap<>();
        for (Object raw : TemplateModel.list(api.get("MethodSettings"))) {
            Map<String, Object> setting = TemplateModel.map(raw);
            rates.put(setting.get("HttpMethod") + " " + setting.get("ResourcePath"),
                    Integer.parseInt(String.valueOf(setting.get("ThrottlingRateLimit"))));
        }
        int stage = rates.get("* /*");
        Map<String, Object> acl = TemplateModel.map(TemplateModel.map(resources.get("ApiWebAcl")).get("Properties"));
        Map<String, Object> perIp = TemplateModel.list(acl.get("Rules")).stream().map(TemplateModel::map)
                .filter(rule -> "public-posts-per-ip".equals(rule.get("Name"))).findFirst().orElseThrow();
        Map<String, java.util.regex.Pattern> scope = new java.util.HashMap<>();
        for (Object raw : TemplateModel.list(TemplateModel.map(TemplateModel.map(TemplateModel.map(TemplateModel.map(
                perIp.get("Statement")).get("RateBasedStatement")).get("ScopeDownStatement")).get("AndStatement")).get("Statements"))) {
            Map<String, Object> regex = TemplateModel.map(TemplateModel.map(raw).get("RegexMatchStatement"));
            scope.put(TemplateModel.map(regex.get("FieldToMatch")).keySet().iterator().next(),
                    java.util.regex.Pattern.compile(String.valueOf(regex.get("RegexString"))));
        }
        int publicWrites = 0;
        for (TemplateModel.ApiRoute route : template.apiRoutes()) {
            boolean publicWrite = !route.staffOnly() && !route.method().equals("GET");
            boolean limited = scope.get("Method").matcher(route.method()).find()
                    && scope.get("UriPath").matcher("/prod" + route.path()).find();
            assertEquals(publicWrite, limited, route + " and WAF's per-IP rule");
            if (publicWrite) {
                publicWrites++;
                Integer rate = rates.get(route.method() + " /" + route.path().replace("/", "~1"));
                assertTrue(rate != null && rate < stage, route + " has no method throttle under the stage's " + stage + ": " + rate);
            }
        }
        assertTrue(publicWrites >= 2, "the forms at least");
    }

    @Test
    void apiFunctionsStopBeforeApiGatewayGivesUp() {
        Map<String, Object> resources = TemplateModel.map(template.raw().get("Resources"));
        int global = Integer.parseInt(String.valueOf(TemplateModel.map(TemplateModel.map(template.raw().get("Globals")).get("Function")).get("Timeout")));
        template.apiRoutes().stream().map(TemplateModel.ApiRoute::functionId).distinct().forEach(id -> {
            Object own = TemplateModel.map(TemplateModel.map(resources.get(id)).get("Properties")).get("Timeout");
            int timeout = own == null ? global : Integer.parseInt(String.valueOf(own));
            assertTrue(timeout < 29, id + " may run " + timeout + " s; API Gateway answers 504 at 29 s");
        });
    }

    @Test
    void cfnLintFindsNoErrorAndNoWarning() throws Exception {
        Result lint = run("cfn-lint", "template.yaml");
        assumeTrue(lint.code != 127, "cfn-lint is not installed");
        assertEquals(0, lint.code, lint.output);
    }

    /** With samconfig.toml's parameters for dev and prod, and with a custom domain and a CAPTCHA. */
    @ParameterizedTest
    @ValueSource(strings = {"--config-env default", "--config-env prod",
            "--config-env prod SiteDomain=partners.code.org SiteCertificateArn=arn:aws:acm:us-east-1:123456789012:certificate/x FormChallenge=captcha AlarmEmail=oncall@code.org"})
    void theSamTranslatorTransformsItWithNoExtraStage(String parameters) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "scripts/check-template.py", "template.yaml"));
        command.addAll(List.of(parameters.split(" ")));
        Result transform = run(command.toArray(String[]::new));
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
