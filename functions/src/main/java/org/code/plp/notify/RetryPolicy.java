package org.code.plp.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.code.plp.platform.Env;

/**
 * When a transient failure is tried again: after {@code base}, doubling each attempt up to {@code cap};
 * after {@code maxAttempts} attempts never (the email is marked failed and the failure counted).
 * With the defaults (30 s, 30 min, 10 attempts) an email is tried for about two hours; a short SES outage
 * costs at most one sweep (a minute) plus one backoff step once SES is back.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {
    static final int DEFAULT_MAX_ATTEMPTS = 10;
    static final long DEFAULT_BASE_SECONDS = 30;
    static final Duration CAP = Duration.ofMinutes(30);

    public static RetryPolicy from(Env env) {
        return new RetryPolicy(Integer.parseInt(env.get("NOTIFY_MAX_ATTEMPTS", Integer.toString(DEFAULT_MAX_ATTEMPTS))),
                Duration.ofSeconds(Long.parseLong(env.get("NOTIFY_RETRY_SECONDS", Long.toString(DEFAULT_BASE_SECONDS)))), CAP);
    }

    /** The next try after {@code attempts} failed ones, or empty when the limit is reached. */
    public Optional<Instant> next(long attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = base;
        for (long i = 1; i < attempts && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(now.plus(wait.compareTo(cap) > 0 ? cap : wait));
    }
}
