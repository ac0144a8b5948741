package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.code.plp.local.ProjectPaths;
import org.code.plp.local.TestCloud;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A bounce or complaint from SES lands on the outbox item whose "outbox" tag the email carried. */
class EmailFeedbackTest {
    private final TestCloud cloud = TestCloud.shared();
    private final EmailFeedbackHandler handler = new EmailFeedbackHandler(cloud.platform("EmailFeedbackFunction"));

    @Test
    void aBounceIsRecordedOnItsOutboxItem() {
        String outboxId = TestCloud.uniqueId("fb") + "#confirmation";
        cloud.dynamo().putItem(r -> r.tableName(cloud.table("OutboxTable")).item(Map.of(
                "outboxId", AttributeValue.fromS(outboxId), "state", AttributeValue.fromS(OutboxItem.SENT),
                "createdAt", AttributeValue.fromS("2026-11-23T10:00:00Z"))));

        EmailFeedbackHandler.Outcome result = handler.handleRequest(event("Bounce", "bounce",
                Map.of("bounceType", "Permanent", "bounceSubType", "General"), SesMailer.tagValue(outboxId)), null);

        assertTrue(result.recorded(), result::toString);
        var item = cloud.dynamo().getItem(r -> r.tableName(cloud.table("OutboxTable"))
                .key(Map.of("outboxId", AttributeValue.fromS(outboxId)))).item();
        assertEquals("bounce:Permanent/General", item.get("feedback").s());
        assertEquals(OutboxItem.SENT, item.get("state").s(), "the email was sent; the feedback does not change that");
    }

    @Test
    void aComplaintForMailThatIsNotOursRecordsNothing() {
        EmailFeedbackHandler.Outcome result = handler.handleRequest(event("Complaint", "complaint",
                Map.of("complaintFeedbackType", "abuse"), "no-such-item--confirmation"), null);
        assertFalse(result.recorded(), result::toString);
        assertEquals("complaint:abuse", result.feedback());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSampleEventNamesItsOutboxItemAndBounce() throws Exception {
        var sample = Json.read(Files.readString(ProjectPaths.root().resolve("events/EmailFeedback.json")));
        Map<String, Object> detail = Json.MAPPER.convertValue(sample.get("detail"), Map.class);
        assertFalse(detail.isEmpty());
        assertEquals("e2bcf3d0-14ac-432d-bea1-e4f290df8297#confirmation", EmailFeedbackHandler.outboxId(detail));
        assertEquals("bounce:Permanent/General", EmailFeedbackHandler.feedback(detail));
    }

    @Test
    void tagValuesUseOnlyCharactersSesAllowsAndReadBack() {
        for (String id : List.of("e2bcf3d0-14ac-432d-bea1-e4f290df8297#new_application", "0b1c#accepted#v3")) {
            String tag = SesMailer.tagValue(id);
            assertEquals(true, tag.matches("[A-Za-z0-9_-]+"), tag);
            assertEquals(id, SesMailer.outboxIdOfTag(tag));
        }
    }

    private static ScheduledEvent event(String type, String key, Map<String, Object> body, String tag) {
        return new ScheduledEvent().withSource("aws.ses").withDetailType("Email " + type).withDetail(Map.of(
                "eventType", type, key, body, "mail", Map.of("tags", Map.of("outbox", List.of(tag)))));
    }
}
