package org.code.plp.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void alwaysThreeFractionDigits() {
        assertEquals("2026-11-23T19:03:00.000Z", Timestamps.format(Instant.parse("2026-11-23T19:03:00Z")));
        assertEquals("2026-11-23T19:03:00.100Z", Timestamps.format(Instant.parse("2026-11-23T19:03:00.1Z")));
        assertEquals("2026-11-23T19:03:00.123Z", Timestamps.format(Instant.parse("2026-11-23T19:03:00.123456Z")));
    }

    @Test
    void stringOrderIsTimeOrder() {
        Instant whole = Instant.parse("2026-11-23T19:03:00Z");
        Instant later = whole.plusMillis(1);
        // Instant.toString gets this wrong: "...:00Z" sorts after "...:00.001Z".
        assertTrue(whole.toString().compareTo(later.toString()) > 0);
        assertTrue(Timestamps.format(whole).compareTo(Timestamps.format(later)) < 0);
    }

    @Test
    void truncatesToMilliseconds() {
        assertEquals(Instant.parse("2026-11-23T19:03:00.123Z"), Timestamps.truncate(Instant.parse("2026-11-23T19:03:00.123999Z")));
    }
}
