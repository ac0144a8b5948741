package org.code.plp.outbox;

/** Every email the platform sends; the name is also the copy's resource name. */
public enum EmailType {
    CONFIRMATION("confirmation", Audience.SUBMITTER),
    NEW_APPLICATION("new_application", Audience.STAFF),
    INTEREST_RECEIPT("interest_receipt", Audience.SUBMITTER),
    INTEREST_STAFF("interest_staff", Audience.STAFF),
    INTERVIEW("interview", Audience.SUBMITTER),
    ACCEPTED("accepted", Audience.SUBMITTER),
    DECLINED("declined", Audience.SUBMITTER),
    WAITLISTED("waitlisted", Audience.SUBMITTER),
    STATUS_LINK("status_link", Audience.SUBMITTER),
    EMAIL_CHANGE("email_change", Audience.SUBMITTER),
    DRAFT_SAVED("draft_saved", Audience.SUBMITTER),
    DRAFT_REMINDER("draft_reminder", Audience.SUBMITTER);

    public enum Audience { SUBMITTER, STAFF }

    private final String id;
    private final Audience audience;

    EmailType(String id, Audience audience) {
        this.id = id;
        this.audience = audience;
    }

    public String id() {
        return id;
    }

    public Audience audience() {
        return audience;
    }

    public static EmailType fromId(String id) {
        for (EmailType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown email type " + id);
    }
}
