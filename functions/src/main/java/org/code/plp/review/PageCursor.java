package org.code.plp.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.code.plp.http.Problem;
import org.code.plp.platform.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque cursor of a list page: base64url of the last key read plus the filters the page was
 * made for. A cursor is only accepted for the same filters and only when its key has exactly the
 * shape of the index being queried, with the partition value that query uses, so an edited or
 * mismatched cursor is a 400 naming {@code cursor}, never a Query on something else.
 */
public final class PageCursor {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 2048;

    private PageCursor() {
    }

    public static String encode(Map<String, String> filters, Map<String, AttributeValue> lastKey) {
        ObjectNode root = Json.object();
        ObjectNode f = root.putObject("f");
        new TreeMap<>(filters).forEach(f::put);
        ObjectNode k = root.putObject("k");
        new TreeMap<>(lastKey).forEach((name, value) -> k.put(name, value.s()));
        return ENCODER.encodeToString(Json.write(root).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The start key in {@code cursor}, checked against the filters of this request and the key
     * attributes of the index it will query ({@code partitionAttribute} must hold {@code partitionValue}).
     */
    public static Map<String, AttributeValue> decode(String cursor, Map<String, String> filters, Set<String> keyAttributes,
                                                     String partitionAttribute, String partitionValue) {
        JsonNode root = parse(cursor);
        if (!madeFor(root).equals(filters)) {
            throw invalid("The cursor was made for other filters; start again without it.");
        }
        Map<String, AttributeValue> key = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("k").fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().isTextual() || entry.getValue().textValue().isEmpty()) {
                throw notOurs();
            }
            key.put(entry.getKey(), AttributeValue.fromS(entry.getValue().textValue()));
        }
        if (!key.keySet().equals(keyAttributes) || !partitionValue.equals(key.get(partitionAttribute).s())) {
            throw notOurs();
        }
        return key;
    }

    /**
     * The value of filter {@code name} in {@code cursor}, unchecked: for a filter the request does
     * not carry itself (such as a part number); {@link #decode} then checks the cursor as a whole.
     */
    public static String filterIn(String cursor, String name) {
        String value = madeFor(parse(cursor)).get(name);
        if (value == null) {
            throw notOurs();
        }
        return value;
    }

    private static JsonNode parse(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw notOurs();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(new String(DECODER.decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw notOurs();
        }
        if (root == null || !root.path("f").isObject() || !root.path("k").isObject()) {
            throw notOurs();
        }
        return root;
    }

    private static Map<String, String> madeFor(JsonNode root) {
        Map<String, String> madeFor = new HashMap<>();
        root.get("f").fields().forEachRemaining(e -> madeFor.put(e.getKey(), e.getValue().asText()));
        return madeFor;
    }

    /** A cursor that is malformed, edited or of another list. */
    static Problem notOurs() {
        return invalid("The cursor is not one this API gave out.");
    }

    static Problem invalid(String message) {
        return Problem.field(400, "invalid-cursor", "Invalid cursor", "cursor", message);
    }
}
