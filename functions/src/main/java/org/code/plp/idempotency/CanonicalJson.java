package org.code.plp.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.code.plp.platform.Json;

/**
 * A JSON value written one way only: object members sorted by name, no insignificant whitespace.
 * Two bodies that mean the same (spacing, member order) have the same canonical text, so a retry
 * re-serialised by another client library is a replay, not a 409.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    static String write(JsonNode value) {
        return Json.write(sorted(value));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = Json.object();
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
