package org.code.plp.applications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.code.plp.validation.Choices;

/** The review workflow's statuses, after Code.org's own Pd::Application model; on the wire in lower case. */
public enum ApplicationStatus {
    UNREVIEWED("Unreviewed"), PENDING("Pending"), INTERVIEW("Interview"), ACCEPTED("Accepted"),
    DECLINED("Declined"), WAITLISTED("Waitlisted"), WITHDRAWN("Withdrawn");

    /** Every status and its word for staff, in workflow order (web/js/rules.json's "applicationStatuses"). */
    public static final Choices CHOICES = Choices.of("applicationStatuses", Arrays.stream(values())
            .flatMap(s -> Stream.of(s.wire(), s.label)).toArray(String[]::new));

    /** The only moves a decision may make. */
    private static final Map<ApplicationStatus, List<ApplicationStatus>> TRANSITIONS = new EnumMap<>(Map.of(
            UNREVIEWED, List.of(PENDING, INTERVIEW, DECLINED, WITHDRAWN),
            PENDING, List.of(INTERVIEW, ACCEPTED, DECLINED, WAITLISTED, WITHDRAWN),
            INTERVIEW, List.of(ACCEPTED, DECLINED, WAITLISTED, WITHDRAWN),
            WAITLISTED, List.of(ACCEPTED, DECLINED, WITHDRAWN)));

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    /** The wire value, e.g. {@code unreviewed}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ApplicationStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }

    /** Every wire value, in workflow order. */
    public static List<String> wires() {
        return Arrays.stream(values()).map(ApplicationStatus::wire).toList();
    }

    /** Finalized applications no longer count as open. */
    public boolean isFinal() {
        return this == ACCEPTED || this == DECLINED || this == WAITLISTED || this == WITHDRAWN;
    }

    public List<ApplicationStatus> allowedNext() {
        return TRANSITIONS.getOrDefault(this, List.of());
    }
}
