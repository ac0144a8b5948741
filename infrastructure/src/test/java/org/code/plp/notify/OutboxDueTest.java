package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestCloud;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Due times on DynamoDB Local: held emails, the sweeper, the retry limit, and cancel against claim. Test clocks only. */
class OutboxDueTest {
    private final TestCloud cloud = TestCloud.shared();
    private final Mailbox mailbox = new Mailbox(cloud);
    private final Platform base = cloud.platform("NotifyRedriveFunction");

    @AfterEach
    void sesBack() {
        mailbox.fault("off");
    }

    private Platform at(Instant now) {
        return new Platform(base.env(), base.dynamo(), base::ses, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** An accepted-email written at {@code now}, due at {@code due}, straight into the outbox (as a decision writes it). */
    private OutboxItem held(String to, Instant now, Instant due) {
        Map<String, String> data = Map.of("applicationId", TestCloud.uniqueId("app"), "firstName", "Ada", "lastName", "Lovelace",
                "email", to, "organizationName", "Held Code", "regionName", "Greater New Orleans", "regionId", "new-orleans-la");
        OutboxItem item = OutboxItem.held(EmailType.ACCEPTED, data.get("applicationId"), "v2", to, data, now, due);
        WriteTransaction transaction = new WriteTransaction(base.dynamo());
        new OutboxRepository(base).queue(transaction, item);
        transaction.commit();
        return item;
    }

    private static DynamodbEvent insertOf(String outboxId) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withKeys(Map.of("outboxId", new AttributeValue().withS(outboxId)))
                .withSequenceNumber("7001"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    @Test
    void aHeldEmailIsSkippedByTheStreamAndSentOnceBySweeperWhenDue() {
        String to = TestCloud.uniqueId("held") + "@example.org";
        Instant now = Instant.now();
        OutboxItem item = held(to, now, now.plus(Duration.ofMinutes(10)));

        assertEquals(List.of(), new NotifyHandler(at(now)).handleRequest(insertOf(item.getOutboxId()), null).getBatchItemFailures());
        new NotifyRedriveHandler(at(now.plus(Duration.ofMinutes(9)))).handleRequest(new ScheduledEvent(), null);
        assertEquals(OutboxItem.PENDING, mailbox.outboxState(item.getOutboxId()), "not due before the hold ends");
        assertEquals(0L, mailbox.outbox(item.getOutboxId()).getAttempts());

        Map<String, Integer> report = new NotifyRedriveHandler(at(now.plus(Duration.ofMinutes(10)).plusSeconds(1)))
                .handleRequest(new ScheduledEvent(), null);
        assertTrue(report.get("sent") >= 1, report.toString());
        assertEquals(OutboxItem.SENT, mailbox.outboxState(item.getOutboxId()));
        new NotifyRedriveHandler(at(now.plus(Duration.ofMinutes(12)))).handleRequest(new ScheduledEvent(), null);
        assertEquals(1, mailbox.await(Mailbox.to(to), 1).size());
        assertEquals(1, mailbox.matching(Mailbox.to(to)).size(), "a later sweep does not send it again");
    }

    @Test
    void retriesBackOffAndStopAtTheLimitWithTheItemFailedAndCounted() {
        String to = TestCloud.uniqueId("limit") + "@example.org";
        Instant now = Instant.now().plus(Duration.ofDays(400)); // later than any other test's clock: only this item is ours
        OutboxItem item = held(to, now, now);
        ByteArrayOutputStream metricLines = new ByteArrayOutputStream();
        RetryPolicy twoAttempts = new RetryPolicy(2, Duration.ofSeconds(30), Duration.ofMinutes(30));
        mailbox.fault("500");

        assertEquals(Notifier.Outcome.RETRY, notifier(now, twoAttempts, metricLines).deliver(item.getOutboxId()));
        OutboxItem retry = mailbox.outbox(item.getOutboxId());
        assertEquals(OutboxItem.PENDING, retry.getState());
        assertEquals(1L, retry.getAttempts());
        assertEquals(now.plusSeconds(30).toEpochMilli(), Instant.parse(retry.getDueAt()).toEpochMilli());
        assertTrue(retry.getLastError().contains("SES did not take the message"), retry.getLastError());
        assertEquals(Notifier.Outcome.SKIPPED, notifier(now.plusSeconds(29), twoAttempts, metricLines).deliver(item.getOutboxId()),
                "not retried before its backoff");

        assertEquals(Notifier.Outcome.FAILED, notifier(now.plusSeconds(30), twoAttempts, metricLines).deliver(item.getOutboxId()));
        OutboxItem failed = mailbox.outbox(item.getOutboxId());
        assertEquals(OutboxItem.FAILED, failed.getState());
        assertTrue(failed.getFailureReason().startsWith("gave up after 2 attempts"), failed.getFailureReason());
        String metric = metricLines.toString(StandardCharsets.UTF_8);
        assertTrue(metric.contains("\"Namespace\":\"PLP\"") && metric.contains("\"EmailsFailed\":1"), metric);

        mailbox.fault("off");
        new NotifyRedriveHandler(at(now.plus(Duration.ofHours(3)))).handleRequest(new ScheduledEvent(), null);
        assertEquals(OutboxItem.FAILED, mailbox.outboxState(item.getOutboxId()), "a failed email is never retried");
        assertEquals(0, mailbox.matching(Mailbox.to(to)).size());
    }

    private Notifier notifier(Instant now, RetryPolicy policy, ByteArrayOutputStream metricLines) {
        Platform platform = at(now);
        return new Notifier(new OutboxLeases(platform), new EmailRenderer(new EmailCopy(), platform.env()),
                new SesMailer(platform::ses, platform.env()), platform.clock(), 120_000, policy,
                new EmailMetrics("dev", new PrintStream(metricLines, true, StandardCharsets.UTF_8)));
    }

    @Test
    void ofACancelAndAClaimAtTheEndOfTheHoldExactlyOneWins() {
        Instant now = Instant.now().plus(Duration.ofDays(800));
        Instant due = now.plus(Duration.ofMinutes(10));
        OutboxRepository outbox = new OutboxRepository(base);

        // Cancelled a millisecond before it was due: no sender can claim it afterwards.
        OutboxItem cancelled = held(TestCloud.uniqueId("cancel") + "@example.org", now, due);
        WriteTransaction cancel = new WriteTransaction(base.dynamo());
        outbox.cancel(cancel, cancelled.getOutboxId(), due.minusMillis(1));
        cancel.commit();
        assertEquals(Notifier.Outcome.SKIPPED, notifier(due, RetryPolicy.from(base.env()), new ByteArrayOutputStream())
                .deliver(cancelled.getOutboxId()));
        assertEquals(OutboxItem.CANCELLED, mailbox.outboxState(cancelled.getOutboxId()));

        // Due: the cancel is refused (even if the sweeper has not come yet), and the sweeper sends it.
        OutboxItem due1 = held(TestCloud.uniqueId("due") + "@example.org", now, due);
        WriteTransaction late = new WriteTransaction(base.dynamo());
        outbox.cancel(late, due1.getOutboxId(), due);
        var refused = assertThrows(WriteTransaction.ConditionFailed.class, late::commit);
        assertEquals(OutboxRepository.CANCEL_LABEL, refused.label());
        assertEquals(Notifier.Outcome.SENT, notifier(due, RetryPolicy.from(base.env()), new ByteArrayOutputStream())
                .deliver(due1.getOutboxId()));
    }
}
