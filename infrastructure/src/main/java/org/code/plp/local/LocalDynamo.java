package org.code.plp.local;

import java.lang.reflect.Field;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.code.plp.platform.Env;
import org.code.plp.platform.Platform;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB for the local cloud: DynamoDB Local in process (tests), DynamoDB Local as a server on a
 * loopback port (the run command, so other tools can reach it), or any endpoint named by
 * {@code DYNAMODB_ENDPOINT} (a DynamoDB Local you run yourself, LocalStack, ...).
 * DynamoDB Local sends telemetry unless told not to: server mode passes {@code -disableTelemetry}
 * and every JVM running it must have {@code DDB_LOCAL_TELEMETRY=0}.
 */
public final class LocalDynamo implements AutoCloseable {
    public static final int DEFAULT_PORT = 8000;
    private static final String LOOPBACK = "127.0.0.1";

    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streams;
    private final URI endpoint;
    private final AutoCloseable owned;

    private LocalDynamo(DynamoDbClient client, DynamoDbStreamsClient streams, URI endpoint, AutoCloseable owned) {
        this.client = client;
        this.streams = streams;
        this.endpoint = endpoint;
        this.owned = owned;
    }

    /** In process, in memory: ~100 ms to start, no port. */
    public static LocalDynamo embedded() {
        AmazonDynamoDBLocal local = DynamoDBEmbedded.create();
        return new LocalDynamo(local.dynamoDbClient(), local.dynamoDbStreamsClient(), null, local::shutdown);
    }

    /**
     * A DynamoDB Local server, in memory, bound to 127.0.0.1 only, telemetry off. {@code -sharedDb}: without it
     * DynamoDB Local keeps one database per access key and region, and a developer's AWS CLI or NoSQL Workbench
     * (with their own keys) would see no tables.
     */
    public static LocalDynamo server(int port) {
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            bindToLoopback(server);
            server.start();
            URI endpoint = URI.create("http://" + LOOPBACK + ":" + port);
            return new LocalDynamo(client(endpoint), streams(endpoint), endpoint, server::stop);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local could not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Someone else's DynamoDB-compatible endpoint; nothing is started or stopped. */
    public static LocalDynamo endpoint(URI endpoint) {
        return new LocalDynamo(client(endpoint), streams(endpoint), endpoint, () -> { });
    }

    /** {@code DYNAMODB_ENDPOINT} when set; else a server on {@code DYNAMODB_PORT} (default 8000) or embedded. */
    public static LocalDynamo fromEnv(Map<String, String> env, boolean serverMode) {
        String endpoint = env.get("DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            return endpoint(URI.create(endpoint));
        }
        if (!serverMode) {
            return embedded();
        }
        String port = env.get("DYNAMODB_PORT");
        return server(port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port));
    }

    // ServerRunner has no host option and Jetty's Server(port) listens on every interface:
    // set the connector's host before it starts.
    private static void bindToLoopback(DynamoDBProxyServer server) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Object jetty = field.get(server);
        Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
        if (connectors.length == 0) {
            throw new IllegalStateException("DynamoDB Local has no connector to bind");
        }
        for (Object connector : connectors) {
            connector.getClass().getMethod("setHost", String.class).invoke(connector, LOOPBACK);
        }
    }

    // The functions' own client builder: with an endpoint and no AWS_ACCESS_KEY_ID it signs with local keys.
    static DynamoDbClient client(URI endpoint) {
        return Platform.dynamoClient(new Env(Map.of("DYNAMODB_ENDPOINT", endpoint.toString())));
    }

    static DynamoDbStreamsClient streams(URI endpoint) {
        return DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }

    /** The HTTP endpoint, when there is one (not in embedded mode). */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            System.err.println("DynamoDB Local did not stop cleanly: " + e);
        }
    }
}
