package org.code.plp.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.applications.ApplicationValidator;
import org.code.plp.interest.InterestValidator;
import org.code.plp.platform.Json;
import org.code.plp.regions.RegionStatus;

/**
 * Writes web/js/rules.json from the Java rules, which are the source: the public forms' field rules
 * (FieldRule lists of the validators), every list of codes with its labels, the patterns and the
 * messages. The pages read the file; {@link RulesJsonTest} fails while the checked-in copy differs
 * and rewrites it with {@code -Drules.write=true}. Test code: the Lambda jar never needs it.
 */
public final class RulesJson {
    static final Path FILE = Path.of("..", "web", "js", "rules.json");

    private RulesJson() {
    }

    public static String render() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("about", "Generated from the Java validators by RulesJsonTest; do not edit. Regenerate: "
                + "./mvnw -pl functions test -Dtest=RulesJsonTest -Drules.write=true");
        root.put("emailLocalMax", FieldRule.EMAIL_LOCAL_MAX);

        ObjectNode patterns = root.putObject("patterns");
        Map<String, Pattern> byName = new LinkedHashMap<>();
        byName.put("email", Validator.EMAIL);
        byName.put("zip", Validator.ZIP);
        byName.put("phoneChars", Validator.PHONE_CHARS);
        byName.put("url", Validator.URL);
        byName.put("slug", Validator.SLUG);
        byName.forEach((name, pattern) -> patterns.putObject(name).put("source", pattern.pattern())
                .put("flags", (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0 ? "i" : ""));

        ObjectNode messages = root.putObject("messages");
        for (Message message : Message.values()) {
            messages.put(message.key(), message.template());
        }

        ObjectNode choices = root.putObject("choices");
        for (Choices list : List.of(UsStates.CHOICES, ApplicationValidator.ORGANIZATION_TYPES,
                ApplicationValidator.PROGRAMS, ApplicationValidator.FACILITATORS, InterestValidator.ROLES,
                InterestValidator.GRADE_LEVELS, ApplicationStatus.CHOICES, RegionStatus.CHOICES)) {
            ArrayNode items = choices.putArray(list.name());
            list.labels().forEach((code, label) -> items.addObject().put("code", code).put("label", label));
        }

        ObjectNode forms = root.putObject("forms");
        form(forms.putArray("application"), ApplicationValidator.RULES);
        form(forms.putArray("interest"), InterestValidator.RULES);
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void form(ArrayNode fields, List<FieldRule> rules) {
        for (FieldRule rule : rules) {
            ObjectNode field = fields.addObject();
            field.put("field", rule.path());
            field.put("kind", kind(rule.kind()));
            if (rule.isRequired()) {
                field.put("required", true);
            }
            if (rule.whenField() != null) {
                field.putObject("requiredWhen").put("field", rule.whenField()).put("equals", rule.whenValue());
            }
            if (rule.max() > 0) {
                field.put("max", rule.max());
            }
            if (rule.min() > 0) {
                field.put("min", rule.min());
            }
            if (rule.choices() != null) {
                field.put("choices", rule.choices().name());
            }
            if (rule.refusal() != null) {
                field.put("refusal", rule.refusal());
            }
        }
    }

    /** ONE_OF is {@code oneOf}. */
    private static String kind(FieldRule.Kind kind) {
        String lower = kind.name().toLowerCase(java.util.Locale.ROOT);
        int underscore = lower.indexOf('_');
        return underscore < 0 ? lower
                : lower.substring(0, underscore) + Character.toUpperCase(lower.charAt(underscore + 1)) + lower.substring(underscore + 2);
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(args.length > 0 ? Path.of(args[0]) : FILE, render(), StandardCharsets.UTF_8);
    }
}
