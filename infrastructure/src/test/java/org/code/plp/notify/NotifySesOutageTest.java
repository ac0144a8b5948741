package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestCloud;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.platform.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SES failing (500s, refused connections, every message rejected): submissions still succeed; mail the
 * stream could not send is retried by the sweeper after its backoff and sent once (the retry limit is OutboxDueTest's).
 */
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

    /** The sweeper as the template runs it, on a clock of the test's choosing. */
    private Map<String, Integer> sweepAt(Instant at) {
        Platform base = cloud.platform("NotifyRedriveFunction");
        return new NotifyRedriveHandler(new Platform(base.env(), base.dynamo(), base::ses, Clock.fixed(at, ZoneOffset.UTC)))
                .handleRequest(new ScheduledEvent(), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "refuse", "reject"})
    void submissionsSucceedDuringAnOutageAndEveryEmailArrivesOnceAfterIt(String mode) {
        mailbox.fault(mode);
        String manager = TestCloud.uniqueId("outage") + "@example.org";
        String id = Forms.submitApplication(cloud, "Outage Academy", manager);
        String interestEmail = TestCloud.uniqueId("outage-interest") + "@example.org";
        String interestId = Forms.submitInterest(cloud, "Katherine Johnson", interestEmail);
        List<String> outboxIds = List.of(id + "#confirmation", id + "#new_application",
                interestId + "#interest_receipt", interestId + "#interest_staff");

        // The stream tried each once; SES failed, so each is pending again, due after the first backoff (30 s),
        // and the stream moved on: a failed send is not a failed record.
        for (String outboxId : outboxIds) {
            Mailbox.awaitTrue(outboxId + " handed back for a retry", () -> {
                OutboxItem item = mailbox.outbox(outboxId);
                return OutboxItem.PENDING.equals(item.getState()) && item.getLastError() != null;
            });
        }
        OutboxItem retry = mailbox.outbox(id + "#confirmation");
        assertEquals(1L, retry.getAttempts());
        assertTrue(Instant.parse(retry.getDueAt()).isAfter(Instant.now().plusSeconds(20)), retry.getDueAt());
        assertEquals(List.of(), deliver(id + "#confirmation").getBatchItemFailures(), "not due yet: skipped, not re-delivered");
        assertEquals(0, mailbox.matching(Mailbox.to(manager)).size());

        mailbox.fault("off");
        // The next sweep after the backoff sends them, once.
        Instant afterBackoff = Instant.now().plusSeconds(31);
        sweepAt(afterBackoff);
        for (String outboxId : outboxIds) {
            assertEquals(OutboxItem.SENT, mailbox.outboxState(outboxId), outboxId);
        }
        mailbox.await(Mailbox.to(manager), 1);
        mailbox.await(Mailbox.to(interestEmail), 1);
        mailbox.await(Mailbox.mentioning(id).and(Mailbox.to("partners@code.org")), 1);
        mailbox.await(Mailbox.mentioning(interestId).and(Mailbox.to("partners@code.org")), 1);
        sweepAt(afterBackoff.plusSeconds(60));
        assertEquals(List.of(), deliver(id + "#confirmation").getBatchItemFailures(), "a late redelivery is skipped");
        assertEquals(1, mailbox.matching(Mailbox.to(manager)).size());
        assertEquals(1, mailbox.matching(Mailbox.to(interestEmail)).size());
        assertEquals(2, mailbox.matching(Mailbox.mentioning(id)).size());
        assertEquals(1, mailbox.matching(Mailbox.mentioning(interestId).and(Mailbox.to("partners@code.org"))).size());
    }
}
