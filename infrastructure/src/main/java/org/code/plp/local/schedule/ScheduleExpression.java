package org.code.plp.local.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(N minute|minutes|hour|hours|day|days)} or
 * {@code cron(minutes hours day-of-month month day-of-week year)}. Rates are run locally; cron
 * expressions are recognised (six fields) but have no local evaluator, so they only run under the
 * LOCAL_SCHEDULE_SECONDS override.
 */
public record ScheduleExpression(String text, Optional<Duration> rate) {
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\(\\s*(\\S+(\\s+\\S+){5})\\s*\\)");

    /** Throws IllegalArgumentException for anything EventBridge would refuse (rate 0, 1 minutes, 7 fields, ...). */
    public static ScheduleExpression parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher rate = RATE.matcher(trimmed);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            if (value <= 0) {
                throw new IllegalArgumentException("A rate must be positive: " + trimmed);
            }
            if ((value == 1) != !unit.endsWith("s")) {
                throw new IllegalArgumentException("EventBridge wants rate(1 minute) and rate(N minutes) (hours, days alike): " + trimmed);
            }
            Duration step = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(1);
                case "hour" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return new ScheduleExpression(trimmed, Optional.of(step.multipliedBy(value)));
        }
        if (CRON.matcher(trimmed).matches()) {
            return new ScheduleExpression(trimmed, Optional.empty());
        }
        throw new IllegalArgumentException("Not a schedule expression (rate(N minutes|hours|days) or cron(6 fields)): " + text);
    }

    public boolean isCron() {
        return rate.isEmpty();
    }

    /** {@code 10 minutes}, {@code 2 hours}, {@code 30 s}: for the banner and logs. */
    public static String describe(Duration every) {
        if (every.toDays() > 0 && every.equals(Duration.ofDays(every.toDays()))) {
            return plural(every.toDays(), "day");
        }
        if (every.toHours() > 0 && every.equals(Duration.ofHours(every.toHours()))) {
            return plural(every.toHours(), "hour");
        }
        if (every.toMinutes() > 0 && every.equals(Duration.ofMinutes(every.toMinutes()))) {
            return plural(every.toMinutes(), "minute");
        }
        if (every.toMillis() % 1000 == 0) {
            return every.toSeconds() + " s";
        }
        return every.toMillis() + " ms";
    }

    private static String plural(long value, String unit) {
        return value + " " + unit + (value == 1 ? "" : "s");
    }
}
