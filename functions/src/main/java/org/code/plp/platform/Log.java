package org.code.plp.platform;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One JSON object per line on standard output, each with a {@code level} (what Lambda's JSON log
 * format and ApplicationLogLevel read) and an {@code event} name; an error carries its stack trace in
 * one {@code stackTrace} field instead of many lines. Fields are ids, routes, counts and reasons:
 * never an address, a name or a form's content (the logs are kept, the PII is not theirs to keep).
 * Hand-written on the one ObjectMapper rather than Powertools logging, which brings log4j2 and its
 * plugin scan into every cold start for what is one {@code println} here.
 */
public final class Log {
    public enum Level { INFO, WARN, ERROR }

    private Log() {
    }

    /** {@code Log.info("request", "route", "GET /pins", "status", 200)}: the event, then field name/value pairs. */
    public static void info(String event, Object... fields) {
        System.out.println(line(Level.INFO, event, null, fields));
    }

    public static void warn(String event, Object... fields) {
        System.out.println(line(Level.WARN, event, null, fields));
    }

    public static void error(String event, Throwable error, Object... fields) {
        System.out.println(line(Level.ERROR, event, error, fields));
    }

    static String line(Level level, String event, Throwable error, Object... fields) {
        return Json.object(json -> {
            json.writeStringField("level", level.name());
            json.writeStringField("event", event);
            for (int i = 0; i + 1 < fields.length; i += 2) {
                json.writePOJOField(String.valueOf(fields[i]), fields[i + 1]);
            }
            if (error != null) {
                json.writeStringField("error", error.toString());
                StringWriter trace = new StringWriter();
                error.printStackTrace(new PrintWriter(trace));
                json.writeStringField("stackTrace", trace.toString());
            }
        });
    }
}
