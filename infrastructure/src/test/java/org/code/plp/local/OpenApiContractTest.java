package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * web/openapi.json against template.yaml (the same routes both ways, staff routes secured) and
 * against itself (every $ref resolves, every example validates); and the checker TestHttp runs on
 * every end-to-end exchange catches a document that drifted from the code.
 */
class OpenApiContractTest {
    private final OpenApiContract contract = OpenApiContract.site();
    private final TemplateModel template = TemplateModel.load();

    @Test
    void everyRouteOfTheTemplateIsDocumented() {
        List<String> missing = new ArrayList<>();
        for (TemplateModel.ApiRoute route : template.apiRoutes()) {
            String method = route.method().toLowerCase(Locale.ROOT);
            var op = contract.operations().stream()
                    .filter(o -> o.method().equals(method) && o.pathTemplate().equals(route.path())).findFirst();
            if (op.isEmpty()) {
                missing.add(howToDocument(route));
            } else if (op.get().staff() != route.staffOnly()) {
                missing.add(op.get().name() + ": set \"security\": " + (route.staffOnly() ? "[{\"staffCognito\": []}]"
                        + " (it has Auth: StaffAuthorizer in template.yaml)" : "nothing (it is public in template.yaml)")
                        + " in web/openapi.json");
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n\n", missing));
    }

    /** What to add, and where, when a route of the template is not in the document. */
    static String howToDocument(TemplateModel.ApiRoute route) {
        String method = route.method().toLowerCase(Locale.ROOT);
        String security = route.staffOnly() ? "\"security\": [{\"staffCognito\": []}], " : "";
        String problems = route.staffOnly() ? "\"401\": {\"$ref\": \"#/components/responses/Unauthorized\"}, "
                + "\"403\": {\"$ref\": \"#/components/responses/Forbidden\"}, " : "";
        return route.method() + " " + route.path() + " (" + route.functionId() + ", event " + route.eventId()
                + " in template.yaml) is not in web/openapi.json. Add under \"paths\" -> \"" + route.path() + "\":\n"
                + "  \"" + method + "\": {\"tags\": [...], \"operationId\": \"...\", \"summary\": \"...\", " + security
                + "\"parameters\": [...path and query parameters...], "
                + ("get".equals(method) || "delete".equals(method) ? ""
                        : "\"requestBody\": {\"required\": true, \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/<YourInput>\"}, \"example\": {...}}}}, ")
                + "\"responses\": {\"200\": {\"description\": \"...\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/<YourAnswer>\"}}}}, "
                + problems + "\"400\": {\"$ref\": \"#/components/responses/BadRequest\"}, ... every other status it answers, "
                + "\"500\": {\"$ref\": \"#/components/responses/InternalError\"}}}\n"
                + "  with the schemas under \"components\" -> \"schemas\" (additionalProperties: false, so the end-to-end "
                + "tests catch a field the code sends but the document does not name), and a row in README's API table.";
    }

    @Test
    void everyDocumentedRouteIsInTheTemplateOrMarkedLocalOnly() {
        Set<String> routes = new HashSet<>();
        template.apiRoutes().forEach(r -> routes.add(r.method().toUpperCase(Locale.ROOT) + " " + r.path()));
        for (OpenApiContract.Operation op : contract.operations()) {
            if (op.localOnly()) {
                assertTrue(op.pathTemplate().startsWith("/local/"), op.name() + " is marked local only but is not under /local/");
                assertTrue(op.node().path("tags").toString().contains("local only"), op.name() + ": tag it \"local only\"");
            } else {
                assertTrue(routes.contains(op.name()), op.name() + " is in web/openapi.json but no function of template.yaml "
                        + "serves it: add the Api event, or remove it from the document (or, if only the local cloud serves it, "
                        + "mark it \"x-local-only\": true with the tag \"local only\")");
            }
        }
    }

    @Test
    void everyOperationIsNamedTaggedAndAnswersSomething() {
        Set<String> ids = new HashSet<>();
        for (OpenApiContract.Operation op : contract.operations()) {
            assertTrue(ids.add(op.node().path("operationId").asText()), op.name() + ": operationId missing or repeated");
            assertFalse(op.node().path("tags").isEmpty(), op.name() + ": no tags");
            assertFalse(op.node().path("summary").asText().isBlank(), op.name() + ": no summary");
            assertTrue(op.node().path("responses").properties().stream().anyMatch(r -> r.getKey().startsWith("2")),
                    op.name() + ": no 2xx answer");
            Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(op.pathTemplate());
            while (parameter.find()) {
                String name = parameter.group(1);
                assertTrue(op.node().path("parameters").findValuesAsText("name").contains(name),
                        op.name() + ": path parameter " + name + " is not described");
            }
        }
        assertTrue(contract.document().path("openapi").asText().startsWith("3.1."), "OpenAPI 3.1");
    }

    @Test
    void everyReferenceResolvesAndEveryExampleValidates() {
        List<String> broken = new ArrayList<>();
        walk(contract.document(), "", broken);
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    private void walk(JsonNode node, String pointer, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || contract.document().at(ref.asText().substring(1)).isMissingNode())) {
                broken.add("#" + pointer + ": $ref " + ref + " resolves to nothing");
            }
            if (node.has("schema") && node.has("example") && pointer.contains("/content/")) {
                String media = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/");
                if (media.contains("json")) {
                    contract.schema(pointer + "/schema").validate(node.get("example"))
                            .forEach(e -> broken.add("example at #" + pointer + " " + e.getInstanceLocation() + ": " + e.getMessage()));
                }
            }
            node.properties().forEach(field -> walk(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), broken));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, broken);
            }
        }
    }

    @Test
    void aDocumentThatDriftedFromTheCodeFailsTheCheck() {
        TestCloud cloud = TestCloud.shared();
        var region = IntakeFixtures.openRegion(cloud.platform());
        byte[] form = IntakeFixtures.application(region.getRegionId()).toString().getBytes(StandardCharsets.UTF_8);
        var answer = new TestHttp(cloud.baseUri()).post("/applications", form);
        assertEquals(201, answer.status(), answer.toString());
        assertEquals(List.of(), contract.check("POST", "/applications", "application/json", form, 201,
                answer.contentType(), answer.bytes()), "the real document agrees with the real answer");

        // The document renames an answer field the code sends: the answer now has an unnamed field and lacks a required one.
        ObjectNode renamed = contract.document().deepCopy();
        ObjectNode created = (ObjectNode) renamed.at("/components/schemas/ApplicationCreated");
        ObjectNode properties = (ObjectNode) created.get("properties");
        properties.set("receivedAt", properties.remove("submittedAt"));
        ((ArrayNode) created.get("required")).removeAll().add("id").add("status").add("receivedAt");
        String drift = String.join("\n", new OpenApiContract(renamed).check("POST", "/applications", "application/json", form,
                201, answer.contentType(), answer.bytes()));
        assertTrue(drift.contains("submittedAt") && drift.contains("receivedAt"), drift);

        // The document forgets a status the code answers.
        ObjectNode forgot = contract.document().deepCopy();
        ((ObjectNode) forgot.at("/paths/~1applications/post/responses")).remove("201");
        String status = String.join("\n", new OpenApiContract(forgot).check("POST", "/applications", "application/json", form,
                201, answer.contentType(), answer.bytes()));
        assertTrue(status.contains("status 201 is not among its responses"), status);

        // The document requires a request field the code does not: the accepted request no longer validates.
        ObjectNode stricter = contract.document().deepCopy();
        ((ArrayNode) stricter.at("/components/schemas/ApplicationForm/required")).add("facilitators");
        String request = String.join("\n", new OpenApiContract(stricter).check("POST", "/applications", "application/json", form,
                201, answer.contentType(), answer.bytes()));
        assertTrue(request.contains("accepted request") && request.contains("facilitators"), request);

        // A wrong media type of an answer.
        String media = String.join("\n", contract.check("GET", "/pins", null, null, 200, "application/json", "{}".getBytes()));
        assertTrue(media.contains("application/geo+json"), media);
    }

    @Test
    void aRouteMissingFromTheDocumentIsReportedWithWhatToAdd() {
        var route = new TemplateModel.ApiRoute("ExampleFunction", "Example", "/admin/examples/{id}", "post", true);
        String message = howToDocument(route);
        assertTrue(message.contains("\"/admin/examples/{id}\"") && message.contains("staffCognito")
                && message.contains("requestBody") && message.contains("README's API table"), message);
    }
}
