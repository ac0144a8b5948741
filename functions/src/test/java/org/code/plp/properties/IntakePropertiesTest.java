package org.code.plp.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.ApplicationValidator;
import org.code.plp.applications.ApplicationValidatorTest;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.JsonBody;
import org.code.plp.http.Problem;
import org.code.plp.interest.InterestForm;
import org.code.plp.interest.InterestValidator;
import org.code.plp.platform.Json;
import org.code.plp.validation.Text;

/**
 * Whatever arrives, the body reader and the validators answer a value or a 4xx {@link Problem},
 * never another exception; and whatever they accept comes out the same when read again.
 */
class IntakePropertiesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final InterestValidator interest = new InterestValidator();
    private final ApplicationValidator application = new ApplicationValidator();

    private static APIGatewayProxyRequestEvent event(String body, boolean base64) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).withIsBase64Encoded(base64);
    }

    /** Runs {@code action}; a Problem must be a 4xx naming what is wrong, anything else thrown fails the property. */
    private static void valueOrProblem(Runnable action) {
        try {
            action.run();
        } catch (Problem problem) {
            assertTrue(problem.status() >= 400 && problem.status() < 500, problem.getMessage());
            assertFalse(problem.detail() == null || problem.detail().isBlank());
        }
    }

    @Property(tries = 2000)
    void anyTextBodyIsAnObjectOrAProblem(@ForAll("jsonish") String body) {
        valueOrProblem(() -> JsonBody.read(new ApiRequest(event(body, false))));
    }

    @Property(tries = 2000)
    void anyBytesAreAnObjectOrAProblem(@ForAll byte[] bytes) {
        valueOrProblem(() -> JsonBody.read(new ApiRequest(event(Base64.getEncoder().encodeToString(bytes), true))));
    }

    @Property(tries = 1000)
    void anyJsonValueInAnyInterestFieldIsAFormOrAProblem(@ForAll("interestFields") String field, @ForAll("json") JsonNode value) {
        ObjectNode body = validInterest();
        body.set(field, value);
        valueOrProblem(() -> interest.validate(body));
    }

    @Property(tries = 1000)
    void anyJsonValueInAnyApplicationFieldIsAFormOrAProblem(@ForAll("applicationPaths") String path, @ForAll("json") JsonNode value) {
        ObjectNode body = ApplicationValidatorTest.valid();
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? body : (ObjectNode) body.at("/" + path.substring(0, dot).replace('.', '/'));
        parent.set(path.substring(dot + 1), value);
        valueOrProblem(() -> application.validate(body));
    }

    @Property(tries = 1000)
    void anyJsonValueAsTheWholeBodyIsAFormOrAProblem(@ForAll("json") JsonNode value) {
        valueOrProblem(() -> JsonBody.read(new ApiRequest(event(Json.write(value), false))));
        if (value.isObject()) {
            valueOrProblem(() -> interest.validate((ObjectNode) value));
            valueOrProblem(() -> application.validate((ObjectNode) value));
        }
    }

    @Property(tries = 1000)
    void anAcceptedInterestFormRoundTripsUnchanged(@ForAll("lines") String name, @ForAll("lines") String organization,
                                                   @ForAll("paragraphs") String notes) {
        ObjectNode body = validInterest();
        body.put("name", name);
        body.put("organization", organization);
        body.put("notes", notes);
        InterestForm clean;
        try {
            clean = interest.validate(body);
        } catch (Problem refused) {
            return;
        }
        assertEquals(clean, interest.validate((ObjectNode) Json.tree(clean)));
        assertEquals(clean, interest.validate((ObjectNode) Json.read(Json.write(clean))));
    }

    @Property(tries = 1000)
    void anAcceptedApplicationRoundTripsUnchanged(@ForAll("lines") String name, @ForAll("paragraphs") String plan) {
        ObjectNode body = ApplicationValidatorTest.valid();
        ((ObjectNode) body.get("organization")).put("name", name);
        body.put("fundingPlan", plan);
        ApplicationForm clean;
        try {
            clean = application.validate(body);
        } catch (Problem refused) {
            return;
        }
        assertEquals(clean, application.validate((ObjectNode) Json.read(Json.write(clean))));
    }

    @Property(tries = 3000)
    void textThatIsAcceptedIsCleanedOnceForGood(@ForAll("lines") String raw, @ForAll boolean multiline) {
        if (Text.problem(raw, multiline) != null) {
            return;
        }
        String clean = Text.clean(raw, multiline);
        assertEquals(null, Text.problem(clean, multiline));
        assertEquals(clean, Text.clean(clean, multiline));
    }

    private static ObjectNode validInterest() {
        return (ObjectNode) Json.read("""
                {"email":"t@school.org","zip":"70115","role":"teacher","city":"New Orleans","state":"LA",
                 "gradeLevels":["6-8"],"willingToRecruitDistricts":true}
                """);
    }

    @Provide
    Arbitrary<String> interestFields() {
        return Arbitraries.of("name", "email", "organization", "role", "city", "state", "zip", "gradeLevels", "notes",
                "willingToRecruitDistricts", "website", "unknown", "");
    }

    @Provide
    Arbitrary<String> applicationPaths() {
        return Arbitraries.of("regionId", "organization", "organization.name", "organization.type", "organization.address",
                "organization.address.street", "organization.address.zip", "organization.address.state", "organization.phone",
                "programManager", "programManager.email", "programManager.firstName", "programs", "fundingPlan",
                "agreedToTerms", "districtRelationships", "extra");
    }

    /** Strings drawn mostly from JSON's own characters, so many are almost JSON. */
    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d800", "0", "-", "1e999",
                "true", "null", " ", "\"a\"", "\"email\"", "9".repeat(120), "[".repeat(70), "\u202E", "\uFEFF", "\uD800");
        Arbitrary<String> joined = tokens.list().ofMaxSize(40).map(list -> String.join("", list));
        return Arbitraries.oneOf(joined, Arbitraries.strings().all().ofMaxLength(60), json().map(Json::write));
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> special = Arbitraries.of(" ", "\u00A0", "\u3000", "\u202E", "\u200B", "\uFEFF", "\n", "\t", "e\u0301",
                "\uD800", "\uDC00", "\uFDD0", "\uFFFD", "😀", "\u200D", "Ada", "São");
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                special.list().ofMaxSize(8).map(list -> String.join("", list)));
    }

    @Provide
    Arbitrary<String> paragraphs() {
        return Arbitraries.oneOf(lines(), lines().list().ofMaxSize(4).map(list -> String.join("\n", list)));
    }

    @Provide
    Arbitrary<JsonNode> json() {
        return Arbitraries.recursive(this::leaf, this::container, 0, 4);
    }

    private Arbitrary<JsonNode> leaf() {
        return Arbitraries.oneOf(
                lines().map(NODES::textNode),
                Arbitraries.bigDecimals().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(BigDecimal.valueOf(1, -400), new BigDecimal("1e-999"), BigDecimal.ZERO).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
    }

    private Arbitrary<JsonNode> container(Arbitrary<JsonNode> inner) {
        Arbitrary<JsonNode> array = inner.list().ofMaxSize(4).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Combinators.combine(interestFields().list().ofMaxSize(4), inner.list().ofSize(4))
                .as((names, values) -> {
                    ObjectNode node = NODES.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                        node.set(names.get(i), values.get(i));
                    }
                    return (JsonNode) node;
                });
        return Arbitraries.oneOf(array, object);
    }
}
