package org.code.plp.platform;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * What every function needs from outside, built once per function instance:
 * its configuration, the DynamoDB clients, the SES client (only when asked for) and a clock.
 * Handlers get one through their constructor; the no-arg constructor used by Lambda calls
 * {@link #fromEnvironment()}, tests and the local cloud pass one built on DynamoDB Local.
 */
public final class Platform {
    private final Env env;
    private final DynamoDbClient dynamo;
    private final DynamoDbEnhancedClient enhanced;
    private final Supplier<SesV2Client> ses;
    private final Clock clock;
    private SesV2Client sesClient;

    public Platform(Env env, DynamoDbClient dynamo, Supplier<SesV2Client> ses, Clock clock) {
        this.env = env;
        this.dynamo = dynamo;
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        this.ses = ses;
        this.clock = clock;
    }

    /** The real clients: region explicit, url-connection HTTP, endpoints overridable for local runs. */
    public static Platform fromEnvironment() {
        return fromEnv(Env.fromProcess());
    }

    public static Platform fromEnv(Env env) {
        return new Platform(env, dynamoClient(env), () -> sesClient(env), Clock.systemUTC());
    }

    /**
     * DynamoDB's SDK default is up to 9 attempts with backoff (~3 s before an unreachable table is
     * reported) and no overall bound. A visitor is better served by a quick 503 they can retry:
     * 3 attempts, 1 s to connect, 4 s per read, 5 s in all (well inside the functions' 15 s).
     */
    public static DynamoDbClient dynamoClient(Env env) {
        var builder = DynamoDbClient.builder()
                .region(region(env))
                .credentialsProvider(credentials(env, "DYNAMODB_ENDPOINT"))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(4))
                        .build())
                .overrideConfiguration(o -> o
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(5)));
        env.optional("DYNAMODB_ENDPOINT").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SesV2Client sesClient(Env env) {
        var builder = SesV2Client.builder()
                .region(region(env))
                .credentialsProvider(credentials(env, "SES_ENDPOINT"))
                .httpClient(UrlConnectionHttpClient.create());
        env.optional("SES_ENDPOINT").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Region region(Env env) {
        return Region.of(env.get("AWS_REGION", "us-east-1"));
    }

    // A local endpoint accepts any signature; the real services get the default chain (SnapStart needs it).
    private static AwsCredentialsProvider credentials(Env env, String endpointVariable) {
        if (env.optional(endpointVariable).isPresent() && env.optional("AWS_ACCESS_KEY_ID").isEmpty()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    public Env env() {
        return env;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public DynamoDbEnhancedClient enhanced() {
        return enhanced;
    }

    public synchronized SesV2Client ses() {
        if (sesClient == null) {
            sesClient = ses.get();
        }
        return sesClient;
    }

    public Clock clock() {
        return clock;
    }

    public String table(String variable) {
        return env.require(variable);
    }
}
