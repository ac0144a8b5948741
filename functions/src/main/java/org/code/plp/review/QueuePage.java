package org.code.plp.review;

import java.util.List;
import java.util.Map;

/** GET /admin/applications: a page of the queue, the per-status counts and the next page's cursor (null at the end). */
public record QueuePage(List<ApplicationSummary> items, Map<String, Long> counts, String nextCursor) {
}
