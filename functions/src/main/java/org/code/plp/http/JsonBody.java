package org.code.plp.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.code.plp.platform.Json;

/** Reads a JSON object body with the contract's rules: 415 for the wrong type, 413 when too big, 400 when not JSON. */
public final class JsonBody {
    public static final int MAX_BYTES = 64 * 1024;

    private JsonBody() {
    }

    public static ObjectNode read(ApiRequest request) {
        return read(request, MAX_BYTES, "application/json");
    }

    /** A JSON object body sent as one of {@code mediaTypes}, at most {@code maxBytes} long. */
    public static ObjectNode read(ApiRequest request, int maxBytes, String... mediaTypes) {
        if (!hasMediaType(request, mediaTypes)) {
            throw Problem.field(415, "unsupported-media-type", "Unsupported media type", "Content-Type",
                    "Send the body as " + String.join(" or ", mediaTypes) + ".");
        }
        String body = request.body();
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw Problem.field(413, "payload-too-large", "Payload too large", "body",
                    "The body is larger than " + maxBytes / 1024 + " KiB.");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            // Jackson's limit errors carry no location; say which limit instead.
            throw Problem.field(400, "bad-request", "Bad request", "body", limitMessage(e));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw Problem.field(400, "bad-request", "Bad request", "body", at == null
                    ? "The body is not valid JSON."
                    : "The body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").");
        }
        if (root == null || !root.isObject()) {
            throw Problem.field(400, "bad-request", "Bad request", "body", "The body must be a JSON object.");
        }
        return (ObjectNode) root;
    }

    private static String limitMessage(StreamConstraintsException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting")) {
            return "The body nests objects or lists deeper than " + Json.LIMITS.getMaxNestingDepth() + " levels.";
        }
        if (message.contains("number")) {
            return "The body has a number longer than " + Json.LIMITS.getMaxNumberLength() + " characters.";
        }
        if (message.contains("name")) {
            return "The body has a field name longer than " + Json.LIMITS.getMaxNameLength() + " characters.";
        }
        if (message.contains("string")) {
            return "The body has a text longer than " + Json.LIMITS.getMaxStringLength() + " characters.";
        }
        return "The body is larger than this route accepts.";
    }

    /** Whether the Content-Type is one of {@code mediaTypes} (parameters such as charset ignored). */
    public static boolean hasMediaType(ApiRequest request, String... mediaTypes) {
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String type = contentType.split(";", 2)[0].trim();
        for (String wanted : mediaTypes) {
            if (type.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
