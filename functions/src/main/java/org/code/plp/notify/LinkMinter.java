package org.code.plp.notify;

import java.util.Map;
import org.code.plp.outbox.OutboxItem;

/**
 * Makes the private links an email carries, at the moment it is sent, so a raw link token is never
 * queued in the outbox: the values it answers fill the copy's {@code {{...Url}}} placeholders.
 */
@FunctionalInterface
public interface LinkMinter {
    LinkMinter NONE = item -> Map.of();

    Map<String, String> linksFor(OutboxItem item);
}
