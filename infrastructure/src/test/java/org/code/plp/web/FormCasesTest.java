package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.code.plp.http.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared form cases through the API's own validators (no browser, no DynamoDB). */
class FormCasesTest {
    static Stream<FormCases.Case> cases() {
        return FormCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theValidatorJudgesEachCaseAsTheTableSays(FormCases.Case c) {
        List<String> fields = FormCases.java(c).stream().map(FieldError::field).toList();
        assertEquals(c.valid() ? List.of() : List.of(c.expectedField()), fields, FormCases.java(c).toString());
    }
}
