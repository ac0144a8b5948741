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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestCloud;
import org.code.plp.outbox.OutboxItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SES failing (500s, refused connections, a rejected message): submissions still succeed, mail is sent once later. */
class NotifySesOutageTest {
    private final TestCloud cloud = TestCloud.shared();
    private final Mailbox mailbox = new Mailbox(cloud);

    @AfterEach
    void sesBack() {
        mailbox.fault("off");
    }

    private StreamsEventResponse deliver(String... outboxIds) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < outboxIds.length; i++) {
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventName("INSERT");
            record.setDynamodb(new StreamRecord().withKeys(Map.of("outboxId", new AttributeValue().withS(outboxIds[i])))
                    .withSequenceNumber(Integer.toString(5000 + i)));
            records.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return ((NotifyHandler) cloud.functions().handler("NotifyFunction")).handleRequest(event, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "refuse"})
    void submissionsSucceedDuringAnOutageAndEveryEmailArrivesOnceAfterIt(String mode) {
        mailbox.fault(mode);
        String manager = TestCloud.uniqueId("outage") + "@example.org";
        String id = Forms.submitApplication(cloud, "Outage Academy", manager);
        String interestEmail = TestCloud.uniqueId("outage-interest") + "@example.org";
        String interestId = Forms.submitInterest(cloud, "Katherine Johnson", interestEmail);

        // Delivered by hand as well as by the stream poller: whichever holds the claim sees SES fail and
        // releases it; a delivery that got the claim reports exactly the failed record's sequence number.
        Mailbox.awaitTrue("a failed record to be reported", () -> deliver("no-such-item#confirmation", id + "#confirmation")
                .getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList()
                .equals(List.of("5001")));
        assertTrue(List.of(OutboxItem.PENDING, OutboxItem.SENDING).contains(mailbox.outboxState(id + "#confirmation")));
        assertEquals(0, mailbox.matching(Mailbox.to(manager)).size());

        mailbox.fault("off");
        // The stream poller re-delivers what failed; an item released by the hand delivery after the
        // poller skipped it (its lease was live then) stays pending for the scheduled redrive, run here.
        var platform = cloud.platform("NotifyRedriveFunction");
        new NotifyRedriveHandler(new OutboxLeases(platform), Notifications.notifier(platform), Clock.systemUTC(), Duration.ZERO, 500)
                .handleRequest(new ScheduledEvent(), null);
        mailbox.await(Mailbox.to(manager), 1);
        mailbox.await(Mailbox.to(interestEmail), 1);
        mailbox.await(Mailbox.mentioning(id).and(Mailbox.to("partners@code.org")), 1);
        mailbox.await(Mailbox.mentioning(interestId).and(Mailbox.to("partners@code.org")), 1);
        for (String outboxId : List.of(id + "#confirmation", id + "#new_application",
                interestId + "#interest_receipt", interestId + "#interest_staff")) {
            Mailbox.awaitTrue(outboxId + " sent", () -> OutboxItem.SENT.equals(mailbox.outboxState(outboxId)));
        }
        assertEquals(List.of(), deliver(id + "#confirmation").getBatchItemFailures(), "a late redelivery is skipped");
        assertEquals(1, mailbox.matching(Mailbox.to(manager)).size());
        assertEquals(1, mailbox.matching(Mailbox.to(interestEmail)).size());
        assertEquals(2, mailbox.matching(Mailbox.mentioning(id)).size());
        assertEquals(1, mailbox.matching(Mailbox.mentioning(interestId).and(Mailbox.to("partners@code.org"))).size());
    }

    @Test
    void aMessageSesRejectsIsMarkedFailedAndNotRetried() {
        mailbox.fault("reject");
        String manager = TestCloud.uniqueId("rejected") + "@example.org";
        String id = Forms.submitApplication(cloud, "Rejected Academy", manager);

        assertEquals(List.of(), deliver(id + "#confirmation").getBatchItemFailures(), "a permanent failure is not retried");
        Mailbox.awaitTrue("the item to be marked failed",
                () -> OutboxItem.FAILED.equals(mailbox.outboxState(id + "#confirmation")));
        OutboxItem item = mailbox.outbox(id + "#confirmation");
        assertTrue(item.getFailureReason().contains("MessageRejected"), item.getFailureReason());

        mailbox.fault("off");
        assertEquals(List.of(), deliver(id + "#confirmation").getBatchItemFailures());
        assertEquals(OutboxItem.FAILED, mailbox.outboxState(id + "#confirmation"));
        assertEquals(0, mailbox.matching(Mailbox.to(manager)).size());
    }
}
