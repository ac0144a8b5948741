package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.code.plp.local.TestCloud;
import org.code.plp.outbox.OutboxItem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The test side of the local SES capture: read /local/mail, wait for mail with a deadline, switch faults. */
final class Mailbox {
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private final TestCloud cloud;

    Mailbox(TestCloud cloud) {
        this.cloud = cloud;
    }

    List<JsonNode> all() {
        var response = cloud.http().get("/local/mail");
        assertEquals(200, response.status(), response::toString);
        List<JsonNode> out = new ArrayList<>();
        response.json().forEach(out::add);
        return out;
    }

    List<JsonNode> matching(Predicate<JsonNode> which) {
        return all().stream().filter(which).toList();
    }

    /** Waits until at least {@code count} captured emails match; returns them. */
    List<JsonNode> await(Predicate<JsonNode> which, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<JsonNode> found = matching(which);
        while (found.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                fail("Expected " + count + " email(s), found " + found.size() + " within " + DEADLINE);
            }
            pause();
            found = matching(which);
        }
        return found;
    }

    void fault(String mode) {
        var response = cloud.http().post("/local/mail/fault", Map.of("mode", mode));
        assertEquals(200, response.status(), response::toString);
    }

    String outboxState(String outboxId) {
        var item = cloud.dynamo().getItem(r -> r.tableName(cloud.table("OutboxTable")).consistentRead(true)
                .key(Map.of("outboxId", AttributeValue.fromS(outboxId)))).item();
        return item.containsKey("state") ? item.get("state").s() : "missing";
    }

    OutboxItem outbox(String outboxId) {
        return OutboxItem.SCHEMA.mapToItem(cloud.dynamo().getItem(r -> r.tableName(cloud.table("OutboxTable")).consistentRead(true)
                .key(Map.of("outboxId", AttributeValue.fromS(outboxId)))).item());
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        TestCloud.awaitTrue(what, condition);
    }

    static Predicate<JsonNode> to(String address) {
        return mail -> address.equals(mail.path("to").asText());
    }

    static Predicate<JsonNode> mentioning(String text) {
        return mail -> mail.path("text").asText("").contains(text);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
