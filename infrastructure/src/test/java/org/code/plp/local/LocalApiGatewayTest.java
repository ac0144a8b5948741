package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local gateway on a template of its own, with a function that echoes the event it gets. */
class LocalApiGatewayTest {
    private static final String TEMPLATE = """
            Parameters: {Stage: {Type: String, Default: test}}
            Globals:
              Function:
                Environment: {Variables: {STAGE: !Ref Stage}}
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  Cors: {AllowOrigin: "'https://example.org'", AllowMethods: "'GET,POST'", AllowHeaders: "'Content-Type,Authorization'", MaxAge: "'60'"}
                  GatewayResponses:
                    UNAUTHORIZED:
                      StatusCode: 401
                      ResponseTemplates: {application/json: '{"type":"about:blank","title":"Unauthorized","status":401}'}
                      ResponseParameters: {Headers: {Content-Type: "'application/problem+json'"}}
              EchoFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: org.code.plp.local.EchoHandler::handleRequest
                  Events:
                    Item: {Type: Api, Properties: {Path: "/things/{thingId}", Method: get}}
                    Special: {Type: Api, Properties: {Path: /things/special, Method: get}}
                    Create: {Type: Api, Properties: {Path: /things, Method: post}}
                    Files: {Type: Api, Properties: {Path: "/files/{proxy+}", Method: any}}
                    Admin: {Type: Api, Properties: {Path: "/admin/things/{thingId}", Method: get}}
                    Private: {Type: Api, Properties: {Path: /private, Method: get, Auth: {Authorizer: StaffAuthorizer}}}
            """;

    @TempDir
    static Path web;
    private static LocalApiGateway gateway;
    private static LocalTokens tokens;
    private static TestHttp http;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(web.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(web.resolve("app.js"), "console.log(1)");
        Files.createDirectories(web.resolve("sub"));
        Files.writeString(web.resolve("sub/index.html"), "<h1>sub</h1>");
        Files.writeString(web.getParent().resolve("secret-" + web.getFileName() + ".txt"), "secret");
        TemplateModel template = TemplateModel.read(new StringReader(TEMPLATE));
        tokens = new LocalTokens();
        LocalFunctions functions = new LocalFunctions(template, TestCloud.shared().dynamo(), Map.of(), Clock.systemUTC());
        gateway = new LocalApiGateway(template, functions, tokens, web);
        gateway.start(0);
        http = new TestHttp(gateway.baseUri());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static JsonNode event(TestHttp.Response response) {
        assertEquals(200, response.status(), response.toString());
        return response.json().get("event");
    }

    @Test
    void pathParametersAreDecodedAndLiteralRoutesWin() {
        JsonNode item = event(http.get("/things/a%20b"));
        assertEquals("/things/{thingId}", item.get("resource").asText());
        assertEquals("a b", item.get("pathParameters").get("thingId").asText());
        assertEquals("GET", item.get("httpMethod").asText());

        JsonNode special = event(http.get("/things/special"));
        assertEquals("/things/special", special.get("resource").asText());
        assertTrue(special.get("pathParameters").isNull());
    }

    @Test
    void greedyProxyParametersTakeTheRestOfThePath() {
        JsonNode files = event(http.send("DELETE", "/files/a/b/c.txt", null));
        assertEquals("a/b/c.txt", files.get("pathParameters").get("proxy").asText());
        assertEquals("DELETE", files.get("httpMethod").asText());
    }

    @Test
    void queryStringsAndHeadersKeepEveryValue() {
        JsonNode event = event(http.get("/things/x?a=1&a=2&b=%C3%A9&c", "X-Custom-Thing", "yes"));
        assertEquals("2", event.get("queryStringParameters").get("a").asText());
        JsonNode all = event.get("multiValueQueryStringParameters").get("a");
        assertEquals(2, all.size());
        assertEquals("1", all.get(0).asText());
        assertEquals("2", all.get(1).asText());
        assertEquals("é", event.get("queryStringParameters").get("b").asText());
        assertEquals("", event.get("queryStringParameters").get("c").asText());
        assertEquals("yes", event.get("headers").get("X-Custom-Thing").asText());
        assertTrue(event.get("multiValueHeaders").get("X-Custom-Thing").isArray());
        assertTrue(event(http.get("/things/x")).get("queryStringParameters").isNull());
    }

    @Test
    void theRequestContextIsApiGateways() {
        var response = http.get("/things/x");
        JsonNode context = event(response).get("requestContext");
        assertEquals("test", context.get("stage").asText());
        assertEquals("/things/{thingId}", context.get("resourcePath").asText());
        assertEquals("/test/things/x", context.get("path").asText());
        assertEquals(response.header("X-Amzn-RequestId").orElse(""), context.get("requestId").asText());
        assertEquals("127.0.0.1", context.get("identity").get("sourceIp").asText());
        assertEquals("test", response.json().get("stage").asText(), "the function's env comes from the template");
        assertEquals("EchoFunction", response.json().get("context").asText());
    }

    @Test
    void textBodiesArriveAsTextAndOthersAsBase64() {
        JsonNode json = event(http.post("/things", Map.of("a", 1)));
        assertEquals("{\"a\":1}", json.get("body").asText());
        assertFalse(json.get("isBase64Encoded").asBoolean());

        byte[] bytes = {0, 1, 2, (byte) 0xff};
        JsonNode binary = event(http.post("/things", bytes, "Content-Type", "application/octet-stream"));
        assertTrue(binary.get("isBase64Encoded").asBoolean());
        assertArrayEquals(bytes, java.util.Base64.getDecoder().decode(binary.get("body").asText()));
    }

    @Test
    void base64ResponsesAreDecoded() {
        var response = http.get("/files/binary");
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, response.bytes());
    }

    @Test
    void staffRoutesNeedAValidTokenAndPassItsClaims() {
        var none = http.get("/admin/things/1");
        assertEquals(401, none.status());
        assertTrue(none.contentType().startsWith("application/problem+json"));
        assertEquals("Unauthorized", none.json().get("title").asText());

        String token = tokens.issue("ada@code.org", List.of("reviewers", "admins"));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        assertEquals(401, http.get("/admin/things/1", "Authorization", "Bearer " + forged).status());
        assertEquals(401, http.get("/admin/things/1", "Authorization", "Bearer " + new LocalTokens().issue("ada@code.org", List.of())).status(),
                "a token from another run's key");
        assertEquals(401, http.get("/private").status(), "a route with an Auth section");

        var ok = http.get("/admin/things/1", "Authorization", "Bearer " + token);
        JsonNode claims = event(ok).get("requestContext").get("authorizer").get("claims");
        assertEquals("ada@code.org", claims.get("email").asText());
        assertEquals("reviewers,admins", claims.get("cognito:groups").asText());
        JsonNode staff = ok.json().get("staff");
        assertEquals("ada@code.org", staff.get("email").asText());
        assertEquals(2, staff.get("groups").size());
        assertEquals(200, http.get("/admin/things/1", "Authorization", token).status(), "a bare token works too");
    }

    @Test
    void aThrowingFunctionIsA502Problem() {
        var response = http.get("/things/x", "X-Fail", "1");
        assertEquals(502, response.status());
        assertTrue(response.contentType().startsWith("application/problem+json"));
        assertFalse(response.body().contains("asked to fail"), "no internals leak");
    }

    @Test
    void noRouteIsMissingAuthenticationToken() {
        for (var response : List.of(http.get("/nothing"), http.send("PUT", "/things/x", "{}"), http.post("/things/x", "{}"))) {
            assertEquals(403, response.status());
            assertEquals("Missing Authentication Token", response.json().get("message").asText());
        }
        assertEquals(403, http.send("HEAD", "/things/x", null).status(), "HEAD is not GET");
    }

    @Test
    void preflightAnswersFromTheCorsSection() {
        var response = http.options("/things/x", "Origin", "https://example.org");
        assertEquals(200, response.status());
        assertEquals("https://example.org", response.header("Access-Control-Allow-Origin").orElse(""));
        assertEquals("GET,POST", response.header("Access-Control-Allow-Methods").orElse(""));
        assertEquals("60", response.header("Access-Control-Max-Age").orElse(""));
        assertEquals(403, http.options("/nothing").status());
    }

    @Test
    void staticFilesAreServedFromWebWithTheirTypes() {
        var home = http.get("/");
        assertEquals(200, home.status());
        assertEquals("<h1>home</h1>", home.body());
        assertTrue(home.contentType().startsWith("text/html"));
        assertTrue(http.get("/app.js").contentType().startsWith("text/javascript"));
        assertEquals("<h1>sub</h1>", http.get("/sub/").body());
        assertEquals(403, http.get("/missing.html").status());
        assertEquals(403, http.get("/%2e%2e/secret-" + web.getFileName() + ".txt").status(), "nothing outside web/");
    }
}
