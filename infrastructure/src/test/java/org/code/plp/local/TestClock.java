package org.code.plp.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test sets or moves by hand (time rules are tested on clocks, never with sleeps). Thread-safe.
 * {@link #aheadOfRealTime} runs with the real clock plus what the test added, for a browser page whose own
 * clock the test moves the same way.
 */
public final class TestClock extends Clock {
    private volatile Instant now;
    private volatile Duration ahead = Duration.ZERO;

    /** Stands at {@code now} until set or advanced; null runs with the real clock. */
    public TestClock(Instant now) {
        this.now = now;
    }

    public static TestClock aheadOfRealTime() {
        return new TestClock(null);
    }

    public synchronized void set(Instant instant) {
        now = instant;
        ahead = Duration.ZERO;
    }

    public synchronized void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    /** Undoes every advance: back to the instant last set, or to real time. */
    public synchronized void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant at = now;
        return (at == null ? Instant.now() : at).plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
