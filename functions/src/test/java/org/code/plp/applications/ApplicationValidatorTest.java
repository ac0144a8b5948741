package org.code.plp.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class ApplicationValidatorTest {
    private final ApplicationValidator validator = new ApplicationValidator();

    public static ObjectNode valid() {
        return (ObjectNode) Json.read("""
                {"regionId":"new-orleans-la",
                 "organization":{"name":"  Crescent City STEM  ","type":"nonprofit","website":"https://example.org",
                   "address":{"street":"1 Canal St","city":"New Orleans","state":"la","zip":"701121234"},"phone":"(504) 555-0100"},
                 "programManager":{"firstName":"Ada","lastName":"Lovelace","title":"Director","email":"Ada@Example.ORG","phone":"+1 504 555 0101"},
                 "programs":["csp","csd"],
                 "districtRelationships":"Twelve districts.\\nMore to come.","pdExperience":"Ten years.","fundingPlan":"Grants.",
                 "facilitators":"own","jointApplication":{"partnerName":"Tulane"},"agreedToTerms":true,"website":""}
                """);
    }

    private List<FieldError> errorsFor(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        Problem problem = assertThrows(Problem.class, () -> validator.validate(body));
        assertEquals(400, problem.status());
        return problem.errors();
    }

    private void assertFieldError(String field, Consumer<ObjectNode> change) {
        List<FieldError> errors = errorsFor(change);
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(field)), () -> "expected an error on " + field + " but got " + errors);
    }

    private static ObjectNode org(ObjectNode body) {
        return (ObjectNode) body.get("organization");
    }

    private static ObjectNode manager(ObjectNode body) {
        return (ObjectNode) body.get("programManager");
    }

    @Test
    void cleansAValidApplication() {
        JsonNode clean = Json.tree(validator.validate(valid()));
        assertEquals("Crescent City STEM", clean.at("/organization/name").textValue());
        assertEquals("LA", clean.at("/organization/address/state").textValue());
        assertEquals("70112-1234", clean.at("/organization/address/zip").textValue());
        assertEquals("504-555-0100", clean.at("/organization/phone").textValue());
        assertEquals("504-555-0101", clean.at("/programManager/phone").textValue());
        assertEquals("Ada@example.org", clean.at("/programManager/email").textValue());
        assertEquals("Twelve districts.\nMore to come.", clean.get("districtRelationships").textValue());
        assertFalse(clean.has("website"), "the honeypot is not stored");
    }

    @Test
    void anApplicationAgreesToTheTermsInForceAndAFormShowingOthersIsRefused() {
        ApplicationValidator next = new ApplicationValidator("2027-1");
        assertEquals("2027-1", next.validate(valid()).termsVersion(), "no version sent: the version in force");
        ObjectNode shown = valid().put("termsVersion", "2027-1");
        assertEquals("2027-1", next.validate(shown).termsVersion());
        Problem stale = assertThrows(Problem.class, () -> next.validate(valid().put("termsVersion", "2026-1")));
        assertEquals(List.of("termsVersion"), stale.errors().stream().map(FieldError::field).toList());
        assertTrue(stale.errors().getFirst().message().contains("2027-1"), stale.errors()::toString);
    }

    @Test
    void namesEveryMissingRequiredField() {
        Problem problem = assertThrows(Problem.class, () -> validator.validate(Json.object()));
        List<String> fields = problem.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("regionId", "organization", "programManager", "programs", "districtRelationships",
                "pdExperience", "fundingPlan", "agreedToTerms"), fields);
    }

    @Test
    void namesMissingNestedFields() {
        List<FieldError> errors = errorsFor(body -> {
            org(body).remove(List.of("name", "type", "address", "phone"));
            manager(body).remove(List.of("firstName", "lastName", "email", "phone"));
        });
        List<String> fields = errors.stream().map(FieldError::field).toList();
        assertEquals(List.of("organization.name", "organization.type", "organization.phone", "organization.address",
                "programManager.firstName", "programManager.lastName", "programManager.email", "programManager.phone"), fields);
    }

    @Test
    void rejectsAddressParts() {
        assertFieldError("organization.address.state", b -> ((ObjectNode) org(b).get("address")).put("state", "XX"));
        assertFieldError("organization.address.state", b -> ((ObjectNode) org(b).get("address")).put("state", "PR"));
        assertFieldError("organization.address.zip", b -> ((ObjectNode) org(b).get("address")).put("zip", "7011"));
        assertFieldError("organization.address.zip", b -> ((ObjectNode) org(b).get("address")).put("zip", "70112-12"));
        assertFieldError("organization.address.street", b -> ((ObjectNode) org(b).get("address")).put("street", "   "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org\r\nBcc: victim@example.org", "ada@example.org\n", "ada", "ada@", "@example.org",
            "ada@example", "ada @example.org", "ada@exa mple.org", "ada..b@example.org", "ada@example.o"})
    void rejectsBadEmails(String email) {
        assertFieldError("programManager.email", b -> manager(b).put("email", email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"555-0100", "504-555-01000", "504-555-010a", "23456789012", "104-555-0100", "504-155-0100", "phone"})
    void rejectsBadPhones(String phone) {
        assertFieldError("programManager.phone", b -> manager(b).put("phone", phone));
    }

    @Test
    void rejectsUnknownFieldsAtEveryLevel() {
        assertFieldError("isAdmin", b -> b.put("isAdmin", true));
        assertFieldError("organization.budget", b -> org(b).put("budget", 1));
        assertFieldError("organization.address.country", b -> ((ObjectNode) org(b).get("address")).put("country", "US"));
        assertFieldError("programManager.ssn", b -> manager(b).put("ssn", "x"));
    }

    @Test
    void rejectsWrongTypes() {
        assertFieldError("organization", b -> b.put("organization", "Acme"));
        assertFieldError("organization.name", b -> org(b).put("name", 42));
        assertFieldError("programs", b -> b.put("programs", "csp"));
        assertFieldError("agreedToTerms", b -> b.put("agreedToTerms", "true"));
        assertFieldError("programManager.email", b -> manager(b).putArray("email").add("a@b.org"));
    }

    @Test
    void checksPrograms() {
        assertFieldError("programs", b -> b.putArray("programs"));
        assertFieldError("programs[1]", b -> b.putArray("programs").add("csp").add("robotics"));
        assertFieldError("programs[1]", b -> b.putArray("programs").add("csp").add("csp"));
        assertFieldError("programs[0]", b -> b.putArray("programs").add(3));
    }

    @Test
    void requiresAgreementToTerms() {
        assertFieldError("agreedToTerms", b -> b.put("agreedToTerms", false));
    }

    @Test
    void requiresTypeOtherOnlyWhenTypeIsOther() {
        assertFieldError("organization.typeOther", b -> org(b).put("type", "other"));
        ObjectNode body = valid();
        org(body).put("type", "other").put("typeOther", "Library consortium");
        assertEquals("Library consortium", Json.tree(validator.validate(body)).at("/organization/typeOther").textValue());
        assertFieldError("organization.type", b -> org(b).put("type", "company"));
    }

    @Test
    void capsTextLengthInCharactersNotBytes() {
        String accented = "é".repeat(ApplicationValidator.ESSAY_MAX);
        ObjectNode body = valid();
        body.put("pdExperience", accented);
        assertEquals(accented, Json.tree(validator.validate(body)).get("pdExperience").textValue());
        assertFieldError("pdExperience", b -> b.put("pdExperience", accented + "é"));
        assertFieldError("organization.name", b -> org(b).put("name", "x".repeat(ApplicationValidator.NAME_MAX + 1)));
    }

    @Test
    void acceptsUnicodeNamesAndNormalisesThem() {
        ObjectNode body = valid();
        manager(body).put("firstName", "Jose\u0301"); // decomposed é
        manager(body).put("lastName", "Nguyễn 🌟");
        JsonNode clean = Json.tree(validator.validate(body));
        assertEquals("Jos\u00e9", clean.at("/programManager/firstName").textValue());
        assertEquals("Nguyễn 🌟", clean.at("/programManager/lastName").textValue());
    }

    @Test
    void refusesControlCharactersAndNewlinesInSingleLineFields() {
        assertFieldError("organization.name", b -> org(b).put("name", "Acme\nBcc: x"));
        assertFieldError("organization.name", b -> org(b).put("name", "Acme\u0000"));
        assertFieldError("fundingPlan", b -> b.put("fundingPlan", "Grants\u0007"));
    }

    @Test
    void checksOptionalFieldsWhenPresent() {
        assertFieldError("organization.website", b -> org(b).put("website", "javascript:alert(1)"));
        assertFieldError("facilitators", b -> b.put("facilitators", "maybe"));
        assertFieldError("jointApplication.partnerName", b -> b.putObject("jointApplication").put("partnerName", 5));
        assertFieldError("regionId", b -> b.put("regionId", "New Orleans"));
    }
}
