package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.code.plp.outbox.OutboxItem;
import org.junit.jupiter.api.Test;

/**
 * An undo and the sweeper at the moment the hold ends, started together: either the email is sent and the
 * undo refused with a 409, or the undo wins and nothing is sent; never both, never neither. The undo's clock
 * is a millisecond before the end of the hold (it may undo), the sweeper's at the end (the email is due).
 * {@code -Dplp.undoRaceRounds=200} for the note's run; the suite runs 20.
 */
class UndoRaceTest {
    private final ReviewFixture fx = new ReviewFixture();

    @Test
    void undoAndSweeperAtTheEndOfTheHoldNeverBothNeverNeither() throws Exception {
        int rounds = Integer.getInteger("plp.undoRaceRounds", 20);
        HeldWorkflow workflow = new HeldWorkflow();
        String region = fx.region();
        int undoWon = 0;
        int sweeperWon = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String lastName = "Race" + round;
                String id = fx.apply(ReviewFixture.form(region, "Race Org " + round, "Ada", lastName));
                String address = "ada.race" + round + "@example.org";
                JsonNode decided = HeldWorkflow.json(workflow.decide(id, Map.of("status", "declined", "expectedVersion", 1)));
                Instant due = Instant.parse(decided.get("held").get("until").textValue());
                workflow.advance(Duration.between(workflow.now(), due).minusMillis(1));
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Integer> undo = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return workflow.undo(id, 2).getStatusCode();
                }, pool);
                CompletableFuture<Map<String, Integer>> sweep = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return workflow.sweepAt(due);
                }, pool);
                start.countDown();
                int undoStatus = undo.get();
                sweep.get();
                // A sweep after the race sends whatever is still due: "neither" would show up as a second chance here.
                workflow.sweepAt(due.plusSeconds(60));
                String state = fx.outboxState(id + "#declined#v2");
                long sent = fx.decisionMailTo(address);
                String status = fx.detail(id).get("status").textValue();
                if (undoStatus == 200) {
                    undoWon++;
                    assertEquals(List.of(OutboxItem.CANCELLED, 0L, "unreviewed"), List.of(state, sent, status), "round " + round);
                } else {
                    sweeperWon++;
                    assertEquals(409, undoStatus, "round " + round);
                    assertEquals(List.of(OutboxItem.SENT, 1L, "declined"), List.of(state, sent, status), "round " + round);
                }
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("Undo race, %d rounds: undo won %d (email cancelled, none sent), sweeper won %d (sent once, undo 409)%n",
                rounds, undoWon, sweeperWon);
        assertEquals(rounds, undoWon + sweeperWon);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
