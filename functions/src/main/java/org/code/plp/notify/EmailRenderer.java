package org.code.plp.notify;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Env;

/**
 * Turns an outbox item into an {@link Email}: picks the recipient (the submitter, or the staff
 * inbox for staff alerts), checks it is one address, and fills the copy. Values are HTML-escaped
 * in the HTML part, kept as typed in the text part, and flattened to one line in the subject.
 */
public final class EmailRenderer {
    private static final int MAX_SUBJECT = 200;

    private final EmailCopy copy;
    private final String staffEmail;
    private final String siteUrl;

    public EmailRenderer(EmailCopy copy, Env env) {
        this.copy = copy;
        this.staffEmail = env.require("STAFF_EMAIL");
        this.siteUrl = env.siteUrl();
    }

    public Email render(OutboxItem item) {
        return render(item, Map.of());
    }

    /** The email of {@code item}, its copy also filled with {@code links} (private links minted for this send). */
    public Email render(OutboxItem item, Map<String, String> links) {
        EmailType type;
        try {
            type = EmailType.fromId(item.getType());
        } catch (IllegalArgumentException e) {
            throw DeliveryFailure.permanent("Unknown email type " + item.getType());
        }
        String to = type.audience() == EmailType.Audience.STAFF
                ? EmailAddresses.requireSingle(staffEmail, "staff inbox")
                : EmailAddresses.requireSingle(item.getRecipient(), "recipient");

        Map<String, String> values = new HashMap<>();
        if (item.getData() != null) {
            values.putAll(item.getData());
        }
        values.putAll(links);
        values.put("staffEmail", staffEmail);
        values.put("siteUrl", siteUrl);

        EmailCopy.Parts parts = copy.of(type);
        String subject = oneLine(parts.subject().render(values, UnaryOperator.identity()));
        String text = parts.text().render(values, UnaryOperator.identity());
        String html = copy.layout().render(Map.of("subject", subject), Html::escape)
                .replace(EmailCopy.BODY_SLOT, parts.html().render(values, Html::escape));
        return new Email(type.id(), to, subject, text, html);
    }

    /** A subject is one line: any control character (CR, LF, tab...) becomes a space. */
    static String oneLine(String subject) {
        String flat = subject.replaceAll("\\p{Cntrl}+", " ").replaceAll(" {2,}", " ").strip();
        return flat.length() <= MAX_SUBJECT ? flat : flat.substring(0, MAX_SUBJECT - 1) + "…";
    }
}
