package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;

/** Many reviewers deciding the same application at the same version: exactly one wins. */
class ConcurrentDecisionTest {
    private static final int REVIEWERS = 12;
    private static final List<String> CHOICES = List.of("pending", "interview", "declined", "withdrawn");

    private final ReviewFixture fx = new ReviewFixture();

    @Test
    void exactlyOneOfManySimultaneousDecisionsWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            String region = fx.region();
            String id = fx.apply(region);
            ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestHttp.Response>> answers = new ArrayList<>();
            for (int i = 0; i < REVIEWERS; i++) {
                String status = CHOICES.get(i % CHOICES.size());
                String bearer = fx.cloud.bearer("reviewer" + i + "@code.org", "reviewers");
                answers.add(pool.submit(() -> {
                    start.await();
                    return fx.http.post("/admin/applications/" + id + "/decision",
                            Map.of("status", status, "expectedVersion", 1), "Authorization", bearer);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (Future<TestHttp.Response> answer : answers) {
                TestHttp.Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() == 200) {
                    winner = response.json().get("status").textValue();
                }
            }
            pool.shutdown();
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
            assertEquals(REVIEWERS - 1, statuses.stream().filter(s -> s == 409).count(), statuses::toString);

            JsonNode detail = fx.detail(id);
            assertEquals(winner, detail.get("status").textValue());
            assertEquals(2, detail.get("version").longValue());
            assertEquals(List.of(ApplicationStatus.UNREVIEWED.wire(), winner), detail.get("statusLog").findValuesAsText("status"));
            Map<String, Long> counts = fx.regionCounts(region);
            assertEquals(1L, counts.get(winner), counts::toString);
            assertEquals(1L, counts.values().stream().mapToLong(Long::longValue).sum(), counts::toString);
            assertEquals(0L, counts.get(ApplicationStatus.UNREVIEWED.wire()), counts::toString);
        }
    }
}
