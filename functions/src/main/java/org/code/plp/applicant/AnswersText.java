package org.code.plp.applicant;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.ApplicationValidator;

/**
 * A readable copy of the answers of an application, label by label, for the applicant's own
 * record: the status page prints it and the confirmation email carries it (escaped when rendered).
 */
public final class AnswersText {
    public record Answer(String label, String value) {
    }

    private AnswersText() {
    }

    public static List<Answer> of(ApplicationForm form) {
        List<Answer> answers = new ArrayList<>();
        ApplicationForm.Organization org = form.organization();
        ApplicationForm.Address address = org.address();
        ApplicationForm.ProgramManager manager = form.programManager();
        add(answers, "Region", form.regionId());
        add(answers, "Organization", org.name());
        add(answers, "Organization type", org.typeOther() != null ? org.typeOther() : org.type().replace('_', ' '));
        add(answers, "Website", org.website());
        add(answers, "Address", address.street() + ", " + address.city() + ", " + address.state() + " " + address.zip());
        add(answers, "Organization phone", org.phone());
        add(answers, "Program manager", manager.fullName());
        add(answers, "Title", manager.title());
        add(answers, "Email", manager.email());
        add(answers, "Phone", manager.phone());
        add(answers, "Programs", form.programs().stream().map(p -> nz(ApplicationValidator.PROGRAMS.label(p), p)).collect(Collectors.joining(", ")));
        add(answers, "District relationships", form.districtRelationships());
        add(answers, "Professional development experience", form.pdExperience());
        add(answers, "Funding plan", form.fundingPlan());
        add(answers, "Facilitators", form.facilitators());
        add(answers, "Joint application with", form.jointApplication() == null ? null : form.jointApplication().partnerName());
        add(answers, "Terms version agreed to", form.termsVersion());
        return answers;
    }

    /** The answers as plain text, one "Label: value" paragraph each. */
    public static String text(ApplicationForm form) {
        return of(form).stream().map(a -> a.label() + ": " + a.value()).collect(Collectors.joining("\n\n"));
    }

    private static String nz(String label, String code) {
        return label == null ? code : label;
    }

    private static void add(List<Answer> answers, String label, String value) {
        if (value != null && !value.isBlank()) {
            answers.add(new Answer(label, value));
        }
    }
}
