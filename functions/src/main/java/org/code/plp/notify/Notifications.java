package org.code.plp.notify;

import org.code.plp.applicant.AccessTokens;
import org.code.plp.applicant.EmailLinks;
import org.code.plp.platform.Platform;

/** Wires a {@link Notifier} from a {@link Platform}: shared by the stream handler and the sweeper. */
final class Notifications {
    static final long DEFAULT_LEASE_SECONDS = 120;

    private Notifications() {
    }

    static Notifier notifier(Platform platform) {
        long leaseSeconds = Long.parseLong(platform.env().get("NOTIFY_LEASE_SECONDS", Long.toString(DEFAULT_LEASE_SECONDS)));
        return new Notifier(new OutboxLeases(platform), new EmailRenderer(new EmailCopy(), platform.env()),
                new SesMailer(platform::ses, platform.env()), platform.clock(), leaseSeconds * 1000,
                RetryPolicy.from(platform.env()), new EmailMetrics(platform.env().get("STAGE", "dev")),
                new EmailLinks(new AccessTokens(platform), platform.env(), platform.clock()));
    }
}
