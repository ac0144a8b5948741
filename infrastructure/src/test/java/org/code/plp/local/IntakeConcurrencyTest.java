package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.code.plp.counters.Counters;
import org.code.plp.interest.SubmitInterestHandler;
import org.junit.jupiter.api.Test;

/** Concurrent submissions touch the same counter items: every one must still be stored and counted. */
class IntakeConcurrencyTest {
    private static final int SUBMISSIONS = 24;
    private final TestCloud cloud = TestCloud.shared();

    @Test
    void concurrentInterestFormsForOneCityAreAllStoredAndCounted() throws Exception {
        var handler = new SubmitInterestHandler(cloud.platform("SubmitInterestFunction"));
        String city = "Conflict " + TestCloud.uniqueId("city");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < SUBMISSIONS; i++) {
                String email = TestCloud.uniqueId("c") + "@example.org";
                Callable<Integer> submit = () -> {
                    start.await();
                    var event = ApiEvents.post("/interest", Map.of("email", email, "zip", "59601", "role", "teacher",
                            "city", city, "state", "MT"));
                    return handler.handleRequest(event, null).getStatusCode();
                };
                statuses.add(pool.submit(submit));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertEquals(201, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long counted = new Counters(cloud.platform()).read(Counters.INTEREST_BY_CITY)
                .getOrDefault("MT#" + city.toLowerCase(Locale.ROOT), 0L);
        assertEquals(SUBMISSIONS, counted);
    }
}
