package org.code.plp.local;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** What a {@link LocalService} gets from the running local cloud. */
public interface LocalContext {
    TemplateModel template();

    DynamoDbClient dynamo();

    DynamoDbStreamsClient dynamoStreams();

    /** The API's base URL, e.g. http://127.0.0.1:3000 (a free port in tests). */
    URI baseUri();

    /** Local environment overrides every function gets on top of its template environment. */
    Map<String, String> env();

    /**
     * Sets a variable every function gets (e.g. SES_ENDPOINT). Handlers already made are remade on
     * next use. Use {@link #defaultEnv} to respect a value the user set (e.g. their own SES_ENDPOINT).
     */
    void putEnv(String name, String value);

    /** {@link #putEnv} unless the variable is set already; returns the value in effect. */
    String defaultEnv(String name, String value);

    /**
     * Serves every request whose path starts with {@code pathPrefix} (longest prefix wins, before API
     * routes and static files), e.g. {@code /local/mail} (which also covers {@code /local/mail.html}).
     */
    void route(String pathPrefix, HttpHandler handler);

    /** The functions of the template: platform, handler instance, invoke. */
    LocalFunctions functions();

    /** A line for the startup banner, e.g. {@code announce("Captured mail", baseUri() + "/local/mail.html")}. */
    void announce(String label, String url);

    /** True in TestCloud (embedded DynamoDB Local, random port), false in the run command. */
    boolean isTest();
}
