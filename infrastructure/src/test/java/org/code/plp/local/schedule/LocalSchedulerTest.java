package org.code.plp.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.code.plp.local.LocalService;
import org.code.plp.local.TemplateModel;
import org.code.plp.local.TestCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Schedule expressions, the template's schedules, and ticks that keep coming when an invocation fails. */
class LocalSchedulerTest {
    @Test
    void ratesAreParsedInEveryUnit() {
        assertEquals(Optional.of(Duration.ofMinutes(10)), ScheduleExpression.parse("rate(10 minutes)").rate());
        assertEquals(Optional.of(Duration.ofMinutes(1)), ScheduleExpression.parse("rate(1 minute)").rate());
        assertEquals(Optional.of(Duration.ofHours(1)), ScheduleExpression.parse(" rate(1 hour) ").rate());
        assertEquals(Optional.of(Duration.ofHours(6)), ScheduleExpression.parse("rate(6 hours)").rate());
        assertEquals(Optional.of(Duration.ofDays(1)), ScheduleExpression.parse("rate(1 day)").rate());
        assertEquals(Optional.of(Duration.ofDays(7)), ScheduleExpression.parse("rate(7 days)").rate());
        assertTrue(ScheduleExpression.parse("cron(0/15 * * * ? *)").isCron());
        assertEquals("10 minutes", ScheduleExpression.describe(Duration.ofMinutes(10)));
        assertEquals("1 hour", ScheduleExpression.describe(Duration.ofHours(1)));
        assertEquals("30 s", ScheduleExpression.describe(Duration.ofSeconds(30)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(0 minutes)", "rate(1 minutes)", "rate(5 minute)", "rate(5 weeks)", "rate(five minutes)",
            "cron(0 12 * * ?)", "cron(0 12 * * ? * *)", "every 5 minutes", ""})
    void whatEventBridgeRefusesIsRefused(String expression) {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(expression));
    }

    @Test
    void theTemplatesSweeperRunsEveryMinuteOrAtTheOverride() {
        TemplateModel template = TestCloud.shared().template();
        var plans = LocalScheduler.plan(template, Optional.empty());
        var redrive = plans.stream().filter(p -> p.event().functionId().equals("NotifyRedriveFunction")).findFirst().orElseThrow();
        assertEquals("rate(1 minute)", redrive.event().expression());
        assertEquals(Optional.of(Duration.ofMinutes(1)), redrive.every());
        assertTrue(redrive.describe().contains("NotifyRedriveFunction (every 1 minute)"), redrive.describe());

        var fast = LocalScheduler.plan(template, LocalScheduler.overrideFrom(Map.of("LOCAL_SCHEDULE_SECONDS", "30")));
        assertTrue(fast.stream().allMatch(p -> p.every().equals(Optional.of(Duration.ofSeconds(30)))), fast.toString());
        assertEquals(Optional.empty(), LocalScheduler.overrideFrom(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LocalScheduler.overrideFrom(Map.of("LOCAL_SCHEDULE_SECONDS", "0")));
        assertThrows(IllegalArgumentException.class, () -> LocalScheduler.overrideFrom(Map.of("LOCAL_SCHEDULE_SECONDS", "soon")));
    }

    @Test
    void cronDisabledAndBrokenSchedulesAreNotRunAndSayWhy() {
        TemplateModel template = TemplateModel.read(new StringReader("""
                Resources:
                  NightlyFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Events:
                        Nightly: {Type: Schedule, Properties: {Schedule: "cron(0 3 * * ? *)"}}
                        Paused: {Type: Schedule, Properties: {Schedule: rate(1 hour), Enabled: false}}
                        Broken: {Type: Schedule, Properties: {Schedule: rate(1 hours)}}
                """));
        var plans = LocalScheduler.plan(template, Optional.empty());
        assertEquals(3, plans.size());
        assertTrue(plans.stream().allMatch(p -> p.every().isEmpty()), plans.toString());
        assertTrue(plans.get(0).describe().contains("cron schedules are not run locally"), plans.get(0).describe());
        assertTrue(plans.get(1).note().contains("disabled"), plans.get(1).note());
        assertTrue(plans.get(2).note().contains("rate(1 hours)"), plans.get(2).note());
        // The override runs cron schedules too, never disabled or broken ones.
        var fast = LocalScheduler.plan(template, Optional.of(Duration.ofSeconds(5)));
        assertEquals(List.of(true, false, false), fast.stream().map(p -> p.every().isPresent()).toList());
    }

    @Test
    void theServiceLoaderFindsTheScheduler() {
        assertTrue(ServiceLoader.load(LocalService.class).stream().anyMatch(p -> p.type() == LocalScheduler.class));
    }

    @Test
    void aFailingInvocationIsRetriedAtTheNextTickWithARealScheduledEvent() {
        List<Object> events = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        LocalScheduler scheduler = LocalScheduler.every(Duration.ofMillis(50), (functionId, event) -> {
            if (functionId.equals("NotifyRedriveFunction")) {
                events.add(event);
            }
            // Only NotifyRedrive fails: other schedules of the template tick on the same scheduler.
            if (functionId.equals("NotifyRedriveFunction") && calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("boom " + calls.get() + " (expected by the test)");
            }
            return Map.of("function", functionId);
        });
        scheduler.start(TestCloud.shared().cloud());
        try {
            var schedule = scheduler.schedules().stream()
                    .filter(s -> s.plan().event().functionId().equals("NotifyRedriveFunction")).findFirst().orElseThrow();
            TestCloud.awaitTrue("ticks after two failures", () -> schedule.runs() >= 4 && schedule.lastResult() != null);
            assertEquals(2, schedule.failures());
            assertEquals(Map.of("function", "NotifyRedriveFunction"), schedule.lastResult());
        } finally {
            scheduler.stop();
        }
        ScheduledEvent event = assertInstanceOf(ScheduledEvent.class, events.getFirst());
        assertEquals("Scheduled Event", event.getDetailType());
        assertEquals("aws.events", event.getSource());
        assertEquals("us-east-1", event.getRegion());
        assertEquals(List.of("arn:aws:events:us-east-1:000000000000:rule/plp-local-NotifyRedriveFunctionEveryMinute"),
                event.getResources());
        assertTrue(Math.abs(event.getTime().getMillis() - System.currentTimeMillis()) < 60_000, event.getTime().toString());
        assertFalse(event.getId().equals(((ScheduledEvent) events.get(1)).getId()), "every tick is a new event");
    }
}
