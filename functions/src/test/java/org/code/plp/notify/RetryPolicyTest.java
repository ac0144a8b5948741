package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.code.plp.platform.Env;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void backsOffDoublingUpToTheCapAndStopsAtTheLimit() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertEquals(Optional.of(NOW.plusSeconds(30)), policy.next(1, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(60)), policy.next(2, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(120)), policy.next(3, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(240)), policy.next(4, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(300)), policy.next(5, NOW), "capped");
        assertEquals(Optional.of(NOW.plusSeconds(300)), policy.next(7, NOW));
        assertEquals(Optional.empty(), policy.next(8, NOW), "the eighth failed attempt was the last");
    }

    @Test
    void readsItsLimitsFromTheEnvironment() {
        RetryPolicy policy = RetryPolicy.from(new Env(Map.of("NOTIFY_MAX_ATTEMPTS", "3", "NOTIFY_RETRY_SECONDS", "5")));
        assertEquals(new RetryPolicy(3, Duration.ofSeconds(5), RetryPolicy.CAP), policy);
        assertEquals(new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofMinutes(30)), RetryPolicy.from(new Env(Map.of())));
    }
}
