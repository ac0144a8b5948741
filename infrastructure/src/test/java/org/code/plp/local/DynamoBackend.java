package org.code.plp.local;

import java.util.Map;

/**
 * Where TestCloud's DynamoDB comes from when not DynamoDB Local: an implementation listed in
 * {@code META-INF/services/org.code.plp.local.DynamoBackend} on the test classpath (the
 * {@code localstack} profile adds LocalStackBackend) gives the environment to start with,
 * e.g. {@code DYNAMODB_ENDPOINT}; it throws {@code TestAbortedException} when it cannot run
 * (no Docker), which skips every test that uses TestCloud.
 */
public interface DynamoBackend {
    Map<String, String> environment();
}
