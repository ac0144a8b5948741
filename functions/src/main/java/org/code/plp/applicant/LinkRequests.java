package org.code.plp.applicant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationMail;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.http.Problem;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * "Email me my link again": for an address, queue a fresh status link for each of its most recent
 * applications, to that address only. The answer never says whether the address applied. Limited
 * per address (silently: the answer stays the same) and per client IP (429, which says nothing
 * about any address).
 */
public record LinkRequests(RateLimiter limiter, ApplicationRepository applications, OutboxRepository outbox, DynamoDbClient dynamo,
                           Clock clock) {
    public static final RateLimiter.Limit PER_ADDRESS = new RateLimiter.Limit("link-email", 3, 3600);
    public static final RateLimiter.Limit PER_IP = new RateLimiter.Limit("link-ip", 20, 3600);
    /** The applications of one address that get a link: the newest few. */
    static final int MOST = 5;

    /** The one answer, whatever happened. */
    public record LinkRequested(String message) {
    }

    public static final LinkRequested ANSWER = new LinkRequested(
            "If applications were sent from this address, a new link to each is on its way to it. Links arrive within a few minutes.");

    public LinkRequests(Platform platform, RateLimiter limiter, ApplicationRepository applications, OutboxRepository outbox) {
        this(limiter, applications, outbox, platform.dynamo(), platform.clock());
    }

    public LinkRequested request(String email, String clientIp) {
        if (!limiter.allow(PER_IP, clientIp == null ? "unknown" : clientIp)) {
            throw new Problem(429, "too-many-requests", "Too many requests",
                    "Too many link requests from your network. Please try again in an hour.", List.of());
        }
        if (!limiter.allow(PER_ADDRESS, email)) {
            return ANSWER;
        }
        Instant now = Timestamps.truncate(clock.instant());
        WriteTransaction transaction = new WriteTransaction(dynamo);
        int queued = 0;
        for (String id : applications.idsByContactEmail(email, null, MOST)) {
            ApplicationItem item = applications.find(id).orElse(null);
            if (item == null || !email.equals(item.getContactEmail())) {
                continue;
            }
            outbox.queue(transaction, OutboxItem.pending(EmailType.STATUS_LINK, id, UUID.randomUUID().toString(), email,
                    ApplicationMail.data(item), now));
            queued++;
        }
        if (queued > 0) {
            transaction.commit();
        }
        return ANSWER;
    }
}
