package org.code.plp.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Every stored time is UTC ISO-8601 with exactly three fraction digits ({@code 2026-11-23T19:03:00.000Z}),
 * so that string order is time order: the GSIs sort on these strings. ({@code Instant.toString()}
 * drops a zero fraction, and {@code "...:00Z"} sorts after {@code "...:00.001Z"}.)
 */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The instant as it will be stored: truncated to milliseconds. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
