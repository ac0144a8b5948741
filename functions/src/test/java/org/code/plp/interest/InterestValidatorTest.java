package org.code.plp.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.Test;

class InterestValidatorTest {
    private final InterestValidator validator = new InterestValidator();

    @Test
    void acceptsTheMinimumForm() {
        JsonNode clean = Json.tree(validator.validate((ObjectNode) Json.read("{\"email\":\"t@school.org\",\"zip\":\"76010\",\"role\":\"teacher\"}")));
        assertEquals("t@school.org", clean.get("email").textValue());
        assertEquals(0, clean.get("gradeLevels").size());
    }

    @Test
    void requiresEmailZipAndRole() {
        Problem problem = assertThrows(Problem.class, () -> validator.validate(Json.object()));
        assertEquals(List.of("email", "role", "zip"), problem.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void checksEveryOptionalField() {
        ObjectNode body = (ObjectNode) Json.read("""
                {"email":"t@school.org","zip":"76010","role":"principal","state":"Texas","gradeLevels":["K-5","K-5","13"],
                 "willingToRecruitDistricts":"yes","notes":"%s","extra":1}
                """.formatted("n".repeat(2001)));
        Problem problem = assertThrows(Problem.class, () -> validator.validate(body));
        assertEquals(List.of("extra", "role", "state", "gradeLevels[1]", "gradeLevels[2]", "notes", "willingToRecruitDistricts"),
                problem.errors().stream().map(FieldError::field).toList());
    }
}
