package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import org.code.plp.regions.RegionRepository;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.junit.jupiter.api.Test;

/** DynamoDB Local as a server (the run command's mode) and the DYNAMODB_ENDPOINT override. */
class LocalDynamoTest {
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : nic.inetAddresses().toList()) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void theServerListensOnLoopbackOnlyAndTheCloudUsesAnEndpointItIsGiven() throws IOException {
        int port = freePort();
        try (LocalDynamo server = LocalDynamo.server(port)) {
            assertEquals("http://127.0.0.1:" + port, server.endpoint().orElseThrow().toString());
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                assertThrows(IOException.class, () -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(outside.get(), port), 1000);
                    }
                }, "DynamoDB Local must not listen on " + outside.get());
            }

            var env = Map.of("DYNAMODB_ENDPOINT", server.endpoint().orElseThrow().toString());
            try (LocalCloud cloud = LocalCloud.start(new LocalCloud.Options(false, 0, env, ProjectPaths.root(), true))) {
                for (TemplateModel.Table table : cloud.template().tables()) {
                    assertEquals(table.name(), server.client().describeTable(r -> r.tableName(table.name())).table().tableName());
                }
                assertTrue(new RegionRepository(cloud.functions().sharedPlatform()).find("new-orleans-la").isPresent());
                assertEquals(env.get("DYNAMODB_ENDPOINT"), cloud.env().get("DYNAMODB_ENDPOINT"), "functions are told the endpoint");
                assertEquals(201, new TestHttp(cloud.baseUri()).post("/interest",
                        Map.of("email", "e@example.org", "zip", "70112", "role", "teacher")).status());
            }
            // A developer's own tool (other keys, other region) sees the same tables: -sharedDb.
            try (DynamoDbClient tool = DynamoDbClient.builder()
                    .endpointOverride(server.endpoint().orElseThrow())
                    .region(Region.US_WEST_2)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("SomeoneElse", "x")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build()) {
                var tables = server.client().listTables().tableNames();
                assertTrue(tables.size() >= 7, "the template's tables exist: " + tables);
                assertEquals(tables, tool.listTables().tableNames(), "tables visible to any credentials and region");
            }
            // A second cloud on the same endpoint finds the tables and seed there and leaves them be.
            try (LocalCloud again = LocalCloud.start(new LocalCloud.Options(false, 0, env, ProjectPaths.root(), true))) {
                assertTrue(new RegionRepository(again.functions().sharedPlatform()).find("new-orleans-la").isPresent());
            }
        }
    }
}
