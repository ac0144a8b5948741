package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.applications.SubmitApplicationHandler;
import org.code.plp.counters.Counters;
import org.code.plp.interest.SubmitInterestHandler;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionItem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Concurrent submissions touch the same counter items: every one must still be stored and counted. */
class IntakeConcurrencyTest {
    private static final int SUBMISSIONS = 24;
    private final TestCloud cloud = TestCloud.shared();

    @Test
    void concurrentInterestFormsForOneCityAreAllStoredAndCounted() throws Exception {
        assertAllStoredAndCounted(new SubmitInterestHandler(cloud.platform("SubmitInterestFunction")));
    }

    @Test
    void concurrentInterestFormsWhoseFirstAttemptsConflictAreAllStoredOnce() throws Exception {
        // As on DynamoDB under contention: every transaction's first attempt is cancelled as conflicting.
        Platform local = cloud.platform("SubmitInterestFunction");
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        DynamoDbClient firstAttemptsConflict = TransactionConflictTest.conflicting(cloud.dynamo(), request -> {
            synchronized (seen) {
                return seen.add(request);
            }
        });
        assertAllStoredAndCounted(new SubmitInterestHandler(new Platform(local.env(), firstAttemptsConflict, local::ses, Clock.systemUTC())));
        assertEquals(SUBMISSIONS, seen.size());
    }

    @Test
    void concurrentApplicationsForOneRegionAreAllStoredAndCounted() throws Exception {
        var handler = new SubmitApplicationHandler(cloud.platform("SubmitApplicationFunction"));
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        List<Callable<Integer>> submits = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            submits.add(() -> handler.handleRequest(ApiEvents.post("/applications", IntakeFixtures.application(region.getRegionId())), null)
                    .getStatusCode());
        }
        for (int status : runTogether(submits)) {
            assertEquals(201, status);
        }
        assertEquals(SUBMISSIONS, IntakeFixtures.countInIndex(cloud.dynamo(), cloud.table("ApplicationsTable"),
                ApplicationItem.BY_REGION, "regionKey", region.getRegionId()));
        assertEquals(SUBMISSIONS, new Counters(cloud.platform()).read(Counters.applicationsInRegion(region.getRegionId()))
                .get(ApplicationStatus.UNREVIEWED.wire()));
    }

    @Test
    void aDoubleClickedApplicationWithOneIdempotencyKeyIsStoredOnceAndBothGetTheSameAnswer() throws Exception {
        var handler = new SubmitApplicationHandler(cloud.platform("SubmitApplicationFunction"));
        RegionItem region = IntakeFixtures.openRegion(cloud.platform());
        String key = TestCloud.uniqueId("double-click");
        String body = IntakeFixtures.application(region.getRegionId()).toString();
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Integer>> clicks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clicks.add(() -> {
                var response = handler.handleRequest(ApiEvents.post("/applications", body, "Idempotency-Key", key), null);
                answers.add(response.getBody());
                return response.getStatusCode();
            });
        }
        for (int status : runTogether(clicks)) {
            assertEquals(201, status);
        }
        assertEquals(1, answers.stream().distinct().count(), answers.toString());
        assertEquals(1, IntakeFixtures.countInIndex(cloud.dynamo(), cloud.table("ApplicationsTable"),
                ApplicationItem.BY_REGION, "regionKey", region.getRegionId()));
        assertEquals(1L, new Counters(cloud.platform()).read(Counters.applicationsInRegion(region.getRegionId()))
                .get(ApplicationStatus.UNREVIEWED.wire()));
    }

    private static List<Integer> runTogether(List<Callable<Integer>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertAllStoredAndCounted(SubmitInterestHandler handler) throws Exception {
        String city = "Conflict " + TestCloud.uniqueId("city");
        List<Callable<Integer>> submits = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            String email = TestCloud.uniqueId("c") + "@example.org";
            submits.add(() -> handler.handleRequest(ApiEvents.post("/interest", Map.of("email", email, "zip", "59601",
                    "role", "teacher", "city", city, "state", "MT")), null).getStatusCode());
        }
        for (int status : runTogether(submits)) {
            assertEquals(201, status);
        }
        long counted = new Counters(cloud.platform()).read(Counters.INTEREST_BY_CITY)
                .getOrDefault("MT#" + city.toLowerCase(Locale.ROOT), 0L);
        assertEquals(SUBMISSIONS, counted);
    }
}
