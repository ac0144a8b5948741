package org.code.plp.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * How long decided applications and interest forms are kept: DynamoDB TTL ({@code expiresAt}, epoch
 * seconds) is set in the write that starts the period (the decision or withdrawal; the interest form's
 * submission) from the template's {@code DecidedRetentionDays} and {@code InterestRetentionDays}.
 */
public record Retention(Duration decided, Duration interest) {
    public static final String TTL_ATTRIBUTE = "expiresAt";
    static final long DEFAULT_DAYS = 3 * 365;

    public static Retention from(Env env) {
        return new Retention(days(env, "DECIDED_RETENTION_DAYS"), days(env, "INTEREST_RETENTION_DAYS"));
    }

    private static Duration days(Env env, String name) {
        long days = Long.parseLong(env.get(name, Long.toString(DEFAULT_DAYS)).strip());
        if (days < 1) {
            throw new IllegalStateException(name + " must be at least 1 day, not " + days);
        }
        return Duration.ofDays(days);
    }

    /** When a record decided (or withdrawn) at {@code at} expires. */
    public long decidedExpiry(Instant at) {
        return at.plus(decided).getEpochSecond();
    }

    /** When an interest form sent at {@code at} expires. */
    public long interestExpiry(Instant at) {
        return at.plus(interest).getEpochSecond();
    }
}
