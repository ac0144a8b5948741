package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.code.plp.local.TestCloud;
import org.code.plp.local.schedule.LocalScheduler;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.junit.jupiter.api.Test;

/** The local scheduler runs the template's NotifyRedriveFunction: an email the stream left behind arrives once. */
class NotifyRedriveScheduleTest {
    private final TestCloud cloud = TestCloud.shared();
    private final Mailbox mailbox = new Mailbox(cloud);

    @Test
    void anEmailHeldByADeadSenderIsSentOnceByTheScheduledRedrive() {
        String to = TestCloud.uniqueId("scheduled") + "@example.org";
        Map<String, String> data = Map.of("applicationId", TestCloud.uniqueId("app"), "firstName", "Grace", "lastName", "Hopper",
                "email", to, "organizationName", "Harbor Code", "regionName", "Greater New Orleans", "regionId", "new-orleans-la");
        // Written 30 minutes ago and held by a sender whose lease ends in 2 s: the stream poller's INSERT finds
        // a live lease and skips it; only the sweeper can send it, once the lease has ended.
        OutboxItem item = OutboxItem.pending(EmailType.ACCEPTED, data.get("applicationId"), null, to, data,
                Instant.now().minus(Duration.ofMinutes(30)));
        item.setState(OutboxItem.SENDING);
        item.setLeaseId("a-sender-that-died");
        item.setLeaseUntil(Instant.now().plusSeconds(2).toEpochMilli());
        cloud.platform().enhanced().table(cloud.table("OutboxTable"), OutboxItem.SCHEMA).putItem(item);

        // The template's handler, invoked as the scheduler invokes it, with its reports kept.
        List<Object> reports = new CopyOnWriteArrayList<>();
        LocalScheduler scheduler = LocalScheduler.every(Duration.ofMillis(250), (functionId, event) -> {
            Object report = cloud.functions().invoke(functionId, event);
            reports.add(report);
            return report;
        });
        scheduler.start(cloud.cloud());
        try {
            var redrive = scheduler.schedules().stream()
                    .filter(s -> s.plan().event().functionId().equals("NotifyRedriveFunction")).findFirst().orElseThrow();
            assertEquals(1, mailbox.await(Mailbox.to(to), 1).size());
            Mailbox.awaitTrue("the item to be marked sent", () -> OutboxItem.SENT.equals(mailbox.outboxState(item.getOutboxId())));
            int runsWhenSent = redrive.runs();
            Mailbox.awaitTrue("three more scheduled runs", () -> redrive.runs() >= runsWhenSent + 3);
            assertEquals(0, redrive.failures());
            assertTrue(reports.stream().anyMatch(r -> r instanceof Map<?, ?> report && report.get("sent") instanceof Integer sent && sent >= 1),
                    "a scheduled NotifyRedrive run sent it: " + reports);
        } finally {
            scheduler.stop();
        }
        assertEquals(1, mailbox.matching(Mailbox.to(to)).size(), "later runs do not send it again");
        assertEquals("Welcome, Harbor Code: you are a Code.org Professional Learning Partner",
                mailbox.matching(Mailbox.to(to)).getFirst().path("subject").asText());
    }
}
