package org.code.plp.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves: {@link #at} stands still at an instant until advanced; {@link #aheadOfRealTime}
 * runs with the real clock, plus what the test added (for a page whose own clock is moved the same way).
 */
public final class TestClock extends Clock {
    private final Instant start;
    private volatile Duration ahead = Duration.ZERO;

    private TestClock(Instant start) {
        this.start = start;
    }

    public static TestClock at(Instant start) {
        return new TestClock(start);
    }

    public static TestClock aheadOfRealTime() {
        return new TestClock(null);
    }

    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    /** Back to the start (or to real time). */
    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return (start == null ? Instant.now() : start).plus(ahead);
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
