package org.code.plp.local.schedule;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.code.plp.local.LocalContext;
import org.code.plp.local.LocalService;
import org.code.plp.local.TemplateModel;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * EventBridge schedules, locally: every Schedule event of template.yaml invokes its function with a
 * real {@link ScheduledEvent} at its rate, on daemon threads. LOCAL_SCHEDULE_SECONDS=N runs every
 * schedule (cron ones included) every N seconds instead. A failing invocation is logged and the
 * schedule simply runs again at its next tick, as EventBridge would.
 * In TestCloud the ServiceLoader instance runs nothing (other tests' outbox items must not be sent
 * behind their backs): tests start their own with {@link #every(Duration)}.
 */
public final class LocalScheduler implements LocalService {
    public static final String OVERRIDE_ENV = "LOCAL_SCHEDULE_SECONDS";
    static final String ACCOUNT = "000000000000";

    private final Optional<Duration> override;
    private final boolean runInTests;
    private final BiFunction<String, Object, Object> invoker;
    private final Clock clock;
    private final List<Schedule> schedules = new ArrayList<>();
    private ScheduledThreadPoolExecutor executor;

    /** What one Schedule event of the template does locally: {@code every} is empty when it is not run. */
    public record Plan(TemplateModel.ScheduleEvent event, Optional<Duration> every, String note) {
        /** A banner line, laid out as the routes are. */
        public String describe() {
            return String.format("%-24s %s (%s)", event.expression(), event.functionId(),
                    every.map(d -> "every " + ScheduleExpression.describe(d)).orElse("not run") + (note.isEmpty() ? "" : ": " + note));
        }
    }

    /** A running schedule, with what its invocations did (for logs and tests). */
    public static final class Schedule {
        private final Plan plan;
        private final AtomicInteger runs = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private volatile Object lastResult;

        Schedule(Plan plan) {
            this.plan = plan;
        }

        public Plan plan() {
            return plan;
        }

        /** Invocations so far, failed ones included. */
        public int runs() {
            return runs.get();
        }

        public int failures() {
            return failures.get();
        }

        /** What the last successful invocation returned. */
        public Object lastResult() {
            return lastResult;
        }
    }

    /** The ServiceLoader's instance: template rates, or LOCAL_SCHEDULE_SECONDS from the environment. */
    public LocalScheduler() {
        this(overrideFrom(System.getenv()), false, null, Clock.systemUTC());
    }

    private LocalScheduler(Optional<Duration> override, boolean runInTests, BiFunction<String, Object, Object> invoker, Clock clock) {
        this.override = override;
        this.runInTests = runInTests;
        this.invoker = invoker;
        this.clock = clock;
    }

    /** Runs every schedule of the template every {@code every}, in TestCloud too. */
    public static LocalScheduler every(Duration every) {
        return new LocalScheduler(Optional.of(every), true, null, Clock.systemUTC());
    }

    /** As {@link #every(Duration)}, invoking through {@code invoker(functionId, event)} instead of the template's handler. */
    public static LocalScheduler every(Duration every, BiFunction<String, Object, Object> invoker) {
        return new LocalScheduler(Optional.of(every), true, invoker, Clock.systemUTC());
    }

    /** LOCAL_SCHEDULE_SECONDS as a duration; empty when unset; a bad value is an error, not silently ignored. */
    public static Optional<Duration> overrideFrom(Map<String, String> env) {
        String seconds = env.get(OVERRIDE_ENV);
        if (seconds == null || seconds.isBlank()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(seconds.strip());
            if (value > 0) {
                return Optional.of(Duration.ofSeconds(value));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(OVERRIDE_ENV + " must be a positive number of seconds, not '" + seconds + "'");
    }

    /** What each Schedule event of the template does locally, given the override. */
    public static List<Plan> plan(TemplateModel template, Optional<Duration> override) {
        List<Plan> plans = new ArrayList<>();
        for (TemplateModel.ScheduleEvent event : template.scheduleEvents()) {
            if ("false".equalsIgnoreCase(String.valueOf(event.properties().get("Enabled")))
                    || "DISABLED".equals(String.valueOf(event.properties().get("State")))) {
                plans.add(new Plan(event, Optional.empty(), "disabled in the template"));
                continue;
            }
            ScheduleExpression expression;
            try {
                expression = ScheduleExpression.parse(event.expression());
            } catch (IllegalArgumentException e) {
                plans.add(new Plan(event, Optional.empty(), e.getMessage()));
                continue;
            }
            if (override.isPresent()) {
                plans.add(new Plan(event, override, OVERRIDE_ENV));
            } else if (expression.isCron()) {
                plans.add(new Plan(event, Optional.empty(), "cron schedules are not run locally; set "
                        + OVERRIDE_ENV + " or invoke it with events/" + event.functionId().replaceAll("Function$", "") + ".json"));
            } else {
                plans.add(new Plan(event, expression.rate(), ""));
            }
        }
        return plans;
    }

    @Override
    public void start(LocalContext context) {
        if (context.isTest() && !runInTests) {
            return;
        }
        BiFunction<String, Object, Object> invoke = invoker != null ? invoker : context.functions()::invoke;
        String region = context.env().getOrDefault("AWS_REGION", "us-east-1");
        List<Plan> plans = plan(context.template(), override);
        executor = new ScheduledThreadPoolExecutor(Math.max(1, plans.size()), runnable -> {
            Thread thread = new Thread(runnable, "local-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        for (Plan plan : plans) {
            if (plan.every().isEmpty()) {
                System.out.println("Local scheduler: " + plan.describe());
                continue;
            }
            Schedule schedule = new Schedule(plan);
            schedules.add(schedule);
            long millis = plan.every().get().toMillis();
            executor.scheduleWithFixedDelay(() -> tick(schedule, invoke, region), millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** One invocation; whatever it throws is logged and the schedule runs again at the next tick. */
    private void tick(Schedule schedule, BiFunction<String, Object, Object> invoke, String region) {
        TemplateModel.ScheduleEvent event = schedule.plan().event();
        schedule.runs.incrementAndGet();
        try {
            schedule.lastResult = invoke.apply(event.functionId(), scheduledEvent(event, region));
        } catch (Throwable e) {
            schedule.failures.incrementAndGet();
            System.err.println("Local scheduler: " + event.functionId() + " (" + event.expression() + ") failed, "
                    + "next try at the next tick: " + e);
            e.printStackTrace();
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
    }

    /** The event EventBridge sends a scheduled Lambda. */
    ScheduledEvent scheduledEvent(TemplateModel.ScheduleEvent event, String region) {
        ScheduledEvent scheduled = new ScheduledEvent();
        scheduled.setVersion("0");
        scheduled.setId(UUID.randomUUID().toString());
        scheduled.setDetailType("Scheduled Event");
        scheduled.setSource("aws.events");
        scheduled.setAccount(ACCOUNT);
        scheduled.setTime(new DateTime(clock.millis(), DateTimeZone.UTC));
        scheduled.setRegion(region);
        scheduled.setResources(List.of("arn:aws:events:" + region + ":" + ACCOUNT + ":rule/plp-local-"
                + event.functionId() + event.eventId()));
        scheduled.setDetail(Map.of());
        return scheduled;
    }

    /** The schedules this instance runs. */
    public List<Schedule> schedules() {
        return List.copyOf(schedules);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String name() {
        return "Local scheduler";
    }
}
