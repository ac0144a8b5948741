package org.code.plp.bench.driver;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the calling thread's CPU time spent inside SDK calls (marshalling, signing, HTTP, parsing),
 * so the warm figures can exclude it. Installed only in warm runs, through the SDK's global
 * interceptor file (software/amazon/awssdk/global/handlers/execution.interceptors): the handlers
 * keep their production wiring.
 */
public final class SdkCpuInterceptor implements ExecutionInterceptor {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("bench.cpuStart");
    private static final ExecutionAttribute<Long> WALL_START = new ExecutionAttribute<>("bench.wallStart");
    private static final long DONE = Long.MIN_VALUE;
    private static final ThreadLocal<long[]> TOTALS = ThreadLocal.withInitial(() -> new long[3]);

    /** CPU ns, wall ns and calls inside the SDK on this thread since the last reset. */
    static long[] takeTotals() {
        long[] totals = TOTALS.get().clone();
        TOTALS.get()[0] = 0;
        TOTALS.get()[1] = 0;
        TOTALS.get()[2] = 0;
        return totals;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(WALL_START, System.nanoTime());
        attributes.putAttribute(START, THREADS.getCurrentThreadCpuTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        add(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        add(attributes);
    }

    private static void add(ExecutionAttributes attributes) {
        Long start = attributes.getAttribute(START);
        if (start == null || start == DONE) {
            return;
        }
        long[] totals = TOTALS.get();
        totals[0] += THREADS.getCurrentThreadCpuTime() - start;
        totals[1] += System.nanoTime() - attributes.getAttribute(WALL_START);
        totals[2]++;
        attributes.putAttribute(START, DONE);
    }
}
