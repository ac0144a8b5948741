package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestCloud;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Platform;
import org.junit.jupiter.api.Test;

/** Redelivered records, live leases and the redrive, on DynamoDB Local with the real SESv2 client. */
class NotifyExactlyOnceTest {
    private final TestCloud cloud = TestCloud.shared();
    private final Mailbox mailbox = new Mailbox(cloud);

    private NotifyHandler notifyHandler() {
        return (NotifyHandler) cloud.functions().handler("NotifyFunction");
    }

    private static DynamodbEvent insertOf(String outboxId, String sequence) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withKeys(Map.of("outboxId", new AttributeValue().withS(outboxId)))
                .withSequenceNumber(sequence));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    /** Writes an outbox item as a submission would, optionally already held by another sender. */
    private OutboxItem queue(String recipient, Instant createdAt, Long foreignLeaseUntil) {
        Map<String, String> data = Map.of("applicationId", TestCloud.uniqueId("app"), "firstName", "Ada", "lastName", "Lovelace",
                "email", recipient, "organizationName", "Bayou Code", "regionName", "Greater New Orleans", "regionId", "new-orleans-la");
        OutboxItem item = OutboxItem.pending(EmailType.ACCEPTED, data.get("applicationId"), null, recipient, data, createdAt);
        if (foreignLeaseUntil != null) {
            item.setState(OutboxItem.SENDING);
            item.setLeaseId("another-sender");
            item.setLeaseUntil(foreignLeaseUntil);
        }
        cloud.platform().enhanced().table(cloud.table("OutboxTable"), OutboxItem.SCHEMA).putItem(item);
        return item;
    }

    @Test
    void aRedeliveredRecordSendsOnce() {
        String to = TestCloud.uniqueId("twice") + "@example.org";
        OutboxItem item = queue(to, Instant.now(), null);
        // The stream poller delivers this INSERT too: three deliveries race, one email goes out.
        StreamsEventResponse first = notifyHandler().handleRequest(insertOf(item.getOutboxId(), "1001"), null);
        StreamsEventResponse second = notifyHandler().handleRequest(insertOf(item.getOutboxId(), "1001"), null);
        assertEquals(List.of(), first.getBatchItemFailures());
        assertEquals(List.of(), second.getBatchItemFailures());

        Mailbox.awaitTrue("the item to be sent", () -> OutboxItem.SENT.equals(mailbox.outboxState(item.getOutboxId())));
        assertEquals(1, mailbox.await(Mailbox.to(to), 1).size());
        assertEquals(List.of(), notifyHandler().handleRequest(insertOf(item.getOutboxId(), "1001"), null).getBatchItemFailures());
        assertEquals(1, mailbox.matching(Mailbox.to(to)).size(), "a record redelivered after sending is skipped");
        assertEquals("Welcome, Bayou Code: you are a Code.org Professional Learning Partner",
                mailbox.matching(Mailbox.to(to)).getFirst().path("subject").asText());
    }

    @Test
    void anItemHeldByALiveLeaseIsNotSentAgain() {
        String to = TestCloud.uniqueId("leased") + "@example.org";
        OutboxItem item = queue(to, Instant.now(), Instant.now().plusSeconds(300).toEpochMilli());

        assertEquals(List.of(), notifyHandler().handleRequest(insertOf(item.getOutboxId(), "2001"), null).getBatchItemFailures());
        assertEquals(OutboxItem.SENDING, mailbox.outboxState(item.getOutboxId()));
        assertEquals("another-sender", mailbox.outbox(item.getOutboxId()).getLeaseId(), "the holder keeps its lease");
        assertEquals(0, mailbox.matching(Mailbox.to(to)).size());
    }

    @Test
    void theRedriveSendsWhatTheStreamLeftBehindOnce() {
        String to = TestCloud.uniqueId("stuck") + "@example.org";
        // Written 30 minutes ago and held by a sender whose lease ends in a minute: the stream skips it.
        OutboxItem item = queue(to, Instant.now().minus(Duration.ofMinutes(30)), Instant.now().plusSeconds(60).toEpochMilli());

        // Ten minutes later (a clock ahead of ours) the lease has ended: the scheduled redrive finds and sends it.
        Platform base = cloud.platform("NotifyRedriveFunction");
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        NotifyRedriveHandler redrive = new NotifyRedriveHandler(new Platform(base.env(), base.dynamo(), base::ses, later));
        Map<String, Integer> report = redrive.handleRequest(new ScheduledEvent(), null);
        assertTrue(report.get("found") >= 1, report.toString());

        assertEquals(OutboxItem.SENT, mailbox.outboxState(item.getOutboxId()), report.toString());
        assertEquals(1, mailbox.await(Mailbox.to(to), 1).size());
        redrive.handleRequest(new ScheduledEvent(), null);
        assertEquals(1, mailbox.matching(Mailbox.to(to)).size(), "a second run finds nothing to resend");
    }
}
