package org.code.plp.applications;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The review workflow's statuses, after Code.org's own Pd::Application model. */
public final class ApplicationStatus {
    public static final String UNREVIEWED = "unreviewed";
    public static final String PENDING = "pending";
    public static final String INTERVIEW = "interview";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";
    public static final String WAITLISTED = "waitlisted";
    public static final String WITHDRAWN = "withdrawn";

    public static final List<String> ALL = List.of(UNREVIEWED, PENDING, INTERVIEW, ACCEPTED, DECLINED, WAITLISTED, WITHDRAWN);
    public static final Set<String> FINALIZED = Set.of(ACCEPTED, DECLINED, WAITLISTED, WITHDRAWN);

    /** The only moves a decision may make. */
    public static final Map<String, List<String>> TRANSITIONS = Map.of(
            UNREVIEWED, List.of(PENDING, INTERVIEW, DECLINED, WITHDRAWN),
            PENDING, List.of(INTERVIEW, ACCEPTED, DECLINED, WAITLISTED, WITHDRAWN),
            INTERVIEW, List.of(ACCEPTED, DECLINED, WAITLISTED, WITHDRAWN),
            WAITLISTED, List.of(ACCEPTED, DECLINED, WITHDRAWN));

    private ApplicationStatus() {
    }

    public static List<String> allowedFrom(String status) {
        return TRANSITIONS.getOrDefault(status, List.of());
    }
}
