package org.code.plp.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The audit log as an admin reads it (GET /admin/audit, newest first, page by page). Tests with a clock
 * years ahead write entries that stay "newest" in the shared table, so a test looks through every page
 * for its own entries (by actor and target) instead of trusting the first few.
 */
public final class AuditTrail {
    private AuditTrail() {
    }

    public static List<JsonNode> entries(TestHttp http, String adminBearer, Predicate<JsonNode> wanted) {
        List<JsonNode> found = new ArrayList<>();
        String cursor = null;
        do {
            var page = http.get("/admin/audit?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor), "Authorization", adminBearer);
            if (page.status() != 200) {
                throw new AssertionError(page.toString());
            }
            page.json().get("items").forEach(entry -> {
                if (wanted.test(entry)) {
                    found.add(entry);
                }
            });
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        return found;
    }

    /** Entries by this staff member ({@code actor}) about {@code target} (null: none) with this action. */
    public static List<JsonNode> of(TestHttp http, String adminBearer, String actor, String action, String target) {
        return entries(http, adminBearer, e -> e.path("actor").asText().equals(actor) && e.path("action").asText().equals(action)
                && (target == null ? e.path("target").isMissingNode() || e.path("target").isNull() : e.path("target").asText().equals(target)));
    }
}
