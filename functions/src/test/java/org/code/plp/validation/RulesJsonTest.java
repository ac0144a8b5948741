package org.code.plp.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.code.plp.applications.ApplicationValidator;
import org.code.plp.interest.InterestValidator;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.Test;

/** web/js/rules.json is what the Java rules say now; -Drules.write=true rewrites it. */
class RulesJsonTest {
    @Test
    void theCheckedInRulesAreTheJavaRules() throws IOException {
        String fresh = RulesJson.render();
        if (Boolean.getBoolean("rules.write")) {
            Files.writeString(RulesJson.FILE, fresh, StandardCharsets.UTF_8);
        }
        String checkedIn = Files.exists(RulesJson.FILE) ? Files.readString(RulesJson.FILE, StandardCharsets.UTF_8) : "";
        assertEquals(fresh, checkedIn, "web/js/rules.json is stale: regenerate it with "
                + "./mvnw -pl functions test -Dtest=RulesJsonTest -Drules.write=true (and commit it)");
    }

    @Test
    void everyFieldOfTheFormsIsInTheRules() {
        var forms = Json.read(RulesJson.render()).get("forms");
        assertEquals(ApplicationValidator.RULES.size(), forms.get("application").size());
        assertEquals(InterestValidator.RULES.size(), forms.get("interest").size());
        var choices = Json.read(RulesJson.render()).get("choices");
        forms.forEach(form -> form.forEach(field -> assertTrue(!field.has("choices")
                || choices.has(field.get("choices").asText()), field.toString())));
    }

    @Test
    void messagesFillTheirPlaceholders() {
        assertEquals("At most 200 characters.", Message.TOO_LONG.with("max", 200));
        assertEquals("tooLong", Message.TOO_LONG.key());
        assertEquals("mustBeBoolean", Message.MUST_BE_BOOLEAN.key());
    }
}
