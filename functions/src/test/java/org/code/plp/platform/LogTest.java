package org.code.plp.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class LogTest {
    @Test
    void aLineIsOneJsonObjectWithItsLevelEventAndFields() {
        String line = Log.line(Log.Level.INFO, "request", null, "route", "GET /pins", "status", 200);
        assertFalse(line.contains("\n"));
        JsonNode json = Json.read(line);
        assertEquals("INFO", json.get("level").asText());
        assertEquals("request", json.get("event").asText());
        assertEquals("GET /pins", json.get("route").asText());
        assertEquals(200, json.get("status").asInt());
    }

    @Test
    void anErrorKeepsItsWholeStackTraceInOneField() {
        Exception cause = new IllegalStateException("inner");
        String line = Log.line(Log.Level.ERROR, "unhandled", new RuntimeException("outer", cause), "requestId", "r-1");
        assertFalse(line.contains("\n"), "one physical line");
        JsonNode json = Json.read(line);
        assertEquals("ERROR", json.get("level").asText());
        assertEquals("java.lang.RuntimeException: outer", json.get("error").asText());
        String trace = json.get("stackTrace").asText();
        assertTrue(trace.contains("at org.code.plp.platform.LogTest.anErrorKeepsItsWholeStackTraceInOneField"), trace);
        assertTrue(trace.contains("Caused by: java.lang.IllegalStateException: inner"), trace);
    }

    @Test
    void aMetricIsEmbeddedMetricFormatWithTheStageDimension() {
        JsonNode json = Json.read(Metrics.line(Metrics.EMAILS_SENT, 1, "prod", 1_700_000_000_000L));
        JsonNode directive = json.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals(1_700_000_000_000L, json.get("_aws").get("Timestamp").asLong());
        assertEquals("PLP", directive.get("Namespace").asText());
        assertEquals("[[\"Stage\"]]", directive.get("Dimensions").toString());
        assertEquals("EmailsSent", directive.get("Metrics").get(0).get("Name").asText());
        assertEquals("Count", directive.get("Metrics").get(0).get("Unit").asText());
        assertEquals("prod", json.get("Stage").asText());
        assertEquals(1, json.get("EmailsSent").asInt());
        assertEquals("INFO", json.get("level").asText());
    }
}
