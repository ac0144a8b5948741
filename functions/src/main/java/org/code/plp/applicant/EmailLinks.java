package org.code.plp.applicant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.code.plp.applicant.AccessTokens.Grant;
import org.code.plp.applicant.AccessTokens.Purpose;
import org.code.plp.notify.LinkMinter;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Env;

/**
 * The private links of applicant emails, minted when the email is sent. Links put the token in the
 * URL's fragment ({@code #token=}), which browsers never send to a server, so it reaches no access
 * log and no Referer; the page hands it to the API in a header.
 */
public final class EmailLinks implements LinkMinter {
    /** A status link stops working at the latest this long after it is sent (and {@link StatusService#AFTER_DECISION} after a decision). */
    public static final Duration STATUS_LINK_MAX = Duration.ofDays(400);
    public static final Duration EMAIL_CHANGE_LINK = Duration.ofHours(24);
    /** Data key of draft emails: when the draft (and so its resume link) expires. */
    public static final String DRAFT_EXPIRES_AT = "draftExpiresAt";

    private final AccessTokens tokens;
    private final String siteUrl;
    private final Clock clock;

    public EmailLinks(AccessTokens tokens, Env env, Clock clock) {
        this.tokens = tokens;
        this.siteUrl = env.siteUrl();
        this.clock = clock;
    }

    @Override
    public Map<String, String> linksFor(OutboxItem item) {
        Instant now = clock.instant();
        EmailType type = EmailType.fromId(item.getType());
        return switch (type) {
            case CONFIRMATION, STATUS_LINK -> Map.of("statusUrl", siteUrl + "/status.html#token="
                    + tokens.mint(new Grant(Purpose.STATUS, item.getSourceId(), null, now.plus(STATUS_LINK_MAX))));
            case EMAIL_CHANGE -> Map.of("confirmUrl", siteUrl + "/status.html#confirm="
                    + tokens.mint(new Grant(Purpose.EMAIL_CHANGE, item.getSourceId(), item.getRecipient(), now.plus(EMAIL_CHANGE_LINK))));
            case DRAFT_SAVED, DRAFT_REMINDER -> Map.of("resumeUrl", siteUrl + "/apply.html#resume="
                    + tokens.mint(new Grant(Purpose.RESUME, item.getSourceId(), null,
                            Instant.parse(item.getData().get(DRAFT_EXPIRES_AT)))));
            default -> Map.of();
        };
    }
}
