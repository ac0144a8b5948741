package org.code.plp.applications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The review workflow's statuses, after Code.org's own Pd::Application model; on the wire in lower case. */
public enum ApplicationStatus {
    UNREVIEWED, PENDING, INTERVIEW, ACCEPTED, DECLINED, WAITLISTED, WITHDRAWN;

    /** The only moves a decision may make. */
    private static final Map<ApplicationStatus, List<ApplicationStatus>> TRANSITIONS = new EnumMap<>(Map.of(
            UNREVIEWED, List.of(PENDING, INTERVIEW, DECLINED, WITHDRAWN),
            PENDING, List.of(INTERVIEW, ACCEPTED, DECLINED, WAITLISTED, WITHDRAWN),
            INTERVIEW, List.of(ACCEPTED, DECLINED, WAITLISTED, WITHDRAWN),
            WAITLISTED, List.of(ACCEPTED, DECLINED, WITHDRAWN)));

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
