package org.code.plp.applicant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A readable copy of the answers of an application, label by label, for the applicant's own
 * record: the status page prints it and the confirmation email carries it (escaped when rendered).
 */
public final class AnswersText {
    public record Answer(String label, String value) {
    }

    private static final Map<String, String> PROGRAMS = Map.of("csp", "CS Principles", "csd", "CS Discoveries",
            "ecs", "Exploring Computer Science", "cs_in_science", "CS in Science", "cs_in_algebra", "CS in Algebra");

    private AnswersText() {
    }

    public static List<Answer> of(JsonNode form) {
        List<Answer> answers = new ArrayList<>();
        JsonNode org = form.path("organization");
        JsonNode address = org.path("address");
        JsonNode manager = form.path("programManager");
        add(answers, "Region", form.path("regionId").asText(""));
        add(answers, "Organization", org.path("name").asText(""));
        add(answers, "Organization type", org.path("typeOther").asText(org.path("type").asText("")).replace('_', ' '));
        add(answers, "Website", org.path("website").asText(""));
        add(answers, "Address", String.join(", ", address.path("street").asText(""), address.path("city").asText(""),
                address.path("state").asText("") + " " + address.path("zip").asText("")).strip());
        add(answers, "Organization phone", org.path("phone").asText(""));
        add(answers, "Program manager", (manager.path("firstName").asText("") + " " + manager.path("lastName").asText("")).strip());
        add(answers, "Title", manager.path("title").asText(""));
        add(answers, "Email", manager.path("email").asText(""));
        add(answers, "Phone", manager.path("phone").asText(""));
        List<String> programs = new ArrayList<>();
        form.path("programs").forEach(p -> programs.add(PROGRAMS.getOrDefault(p.asText(), p.asText())));
        add(answers, "Programs", String.join(", ", programs));
        add(answers, "District relationships", form.path("districtRelationships").asText(""));
        add(answers, "Professional development experience", form.path("pdExperience").asText(""));
        add(answers, "Funding plan", form.path("fundingPlan").asText(""));
        add(answers, "Facilitators", form.path("facilitators").asText(""));
        add(answers, "Joint application with", form.path("jointApplication").path("partnerName").asText(""));
        add(answers, "Terms version agreed to", form.path("termsVersion").asText(""));
        return answers;
    }

    /** The answers as plain text, one "Label: value" paragraph each. */
    public static String text(JsonNode form) {
        StringBuilder out = new StringBuilder();
        for (Answer answer : of(form)) {
            out.append(answer.label()).append(": ").append(answer.value()).append("\n\n");
        }
        return out.toString().strip();
    }

    private static void add(List<Answer> answers, String label, String value) {
        if (value != null && !value.isBlank() && !value.equals(",  ")) {
            answers.add(new Answer(label, value));
        }
    }
}
