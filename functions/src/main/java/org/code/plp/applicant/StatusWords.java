package org.code.plp.applicant;

import org.code.plp.applications.ApplicationStatus;

/** What each status means to an applicant, in plain words: a headline and what comes next. */
public final class StatusWords {
    public record Words(String headline, String next) {
    }

    private StatusWords() {
    }

    /** Every status has its words: the switch is exhaustive, so a new status does not compile without them. */
    public static Words of(ApplicationStatus status) {
        return switch (status) {
            case UNREVIEWED -> new Words("Received, waiting for review",
                    "Our partner team reads every application for a region before deciding. You will hear from us within about four weeks.");
            case PENDING -> new Words("Being reviewed",
                    "Our partner team is reviewing your application. We may invite you to a short video interview.");
            case INTERVIEW -> new Words("Invited to an interview",
                    "We will email you to find a time for a short video interview with your program manager.");
            case ACCEPTED -> new Words("Accepted",
                    "Welcome to the program. We will write to you about onboarding and the summer Facilitation Summit.");
            case DECLINED -> new Words("Not selected",
                    "We did not select this application. Nothing more is needed from you.");
            case WAITLISTED -> new Words("On the waitlist",
                    "We may come back to you if a place opens in your region.");
            case WITHDRAWN -> new Words("Withdrawn",
                    "You withdrew this application. Nothing more will happen with it.");
        };
    }
}
