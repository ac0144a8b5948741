package org.code.plp.local;

import java.util.Map;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** TestCloud's DynamoDB in LocalStack (the localstack profile); no Docker -> every TestCloud test is skipped. */
public final class LocalStackBackend implements DynamoBackend {
    /** Pinned; override with -Dlocalstack.image=... */
    static final String IMAGE = System.getProperty("localstack.image", "localstack/localstack:4.9.2");
    private static LocalStackContainer container;

    @Override
    public Map<String, String> environment() {
        return Map.of("DYNAMODB_ENDPOINT", start().getEndpoint().toString(), "AWS_REGION", start().getRegion());
    }

    static synchronized LocalStackContainer start() {
        if (container == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new TestAbortedException("No Docker here: the LocalStack run is skipped");
            }
            container = new LocalStackContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("localstack/localstack"))
                    .withServices("dynamodb");
            container.start();
        }
        return container;
    }
}
