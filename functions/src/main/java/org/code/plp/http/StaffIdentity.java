package org.code.plp.http;

import java.util.Set;

/** The signed-in staff member, from the Cognito authorizer's claims. */
public record StaffIdentity(String subject, String email, Set<String> groups) {
    public static final String REVIEWERS = "reviewers";
    public static final String ADMINS = "admins";

    /** Admins may do everything reviewers do. */
    public boolean isIn(String group) {
        return groups.contains(group) || (REVIEWERS.equals(group) && groups.contains(ADMINS));
    }

    /** Who did it, for status logs and notes: the email when there is one. */
    public String displayName() {
        return email != null && !email.isBlank() ? email : subject;
    }
}
