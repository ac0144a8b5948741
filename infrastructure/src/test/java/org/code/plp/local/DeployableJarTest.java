package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The zip (a shaded jar) every function of template.yaml deploys (its CodeUri) stays within its size budget and holds every Handler. */
class DeployableJarTest {
    /** 15 MB as AWS counts Lambda sizes (MiB): keeps the cold start's jar scan and the deploy small. */
    static final long BUDGET_BYTES = 15L * 1024 * 1024;

    private final TemplateModel template = TemplateModel.load();

    @Test
    void staysUnderFifteenMegabytes() throws IOException {
        long size = Files.size(jar());
        assertTrue(size <= BUDGET_BYTES, "The deployable jar is " + size + " bytes, over the budget of " + BUDGET_BYTES);
    }

    @Test
    void containsEveryHandlerOfTheTemplate() throws IOException {
        List<TemplateModel.Function> functions = template.functions();
        assertFalse(functions.isEmpty());
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            for (TemplateModel.Function function : functions) {
                String entry = function.handlerClass().replace('.', '/') + ".class";
                assertTrue(zip.getEntry(entry) != null, function.logicalId() + ": " + entry + " is not in " + jar());
            }
            // The classes every handler needs at run time, not only at compile time.
            for (String needed : List.of("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
                    "software/amazon/awssdk/services/dynamodb/DefaultDynamoDbClient.class",
                    "software/amazon/awssdk/services/sesv2/DefaultSesV2Client.class",
                    "com/fasterxml/jackson/databind/ObjectMapper.class", "org/crac/Core.class")) {
                assertTrue(zip.getEntry(needed) != null, needed + " is not in " + jar());
            }
            assertTrue(zip.getEntry("org/apache/hc/client5/http/classic/HttpClient.class") == null,
                    "the Apache HTTP client is in the jar: exclude it, the functions use url-connection");
        }
    }

    private Path jar() {
        Path jar = ProjectPaths.root().resolve(DeployTemplateTest.CODE_URI);
        assertTrue(Files.isRegularFile(jar), jar + " is missing: it is built by the functions module's package phase "
                + "(./mvnw verify builds it before these tests)");
        return jar;
    }
}
