package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.code.plp.counters.Counters;
import org.code.plp.interest.SubmitInterestHandler;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB Local serialises transactions with table locks, so it never reports the
 * TransactionConflict that real DynamoDB gives concurrent transactions on the same items
 * (IntakeConcurrencyTest covers the concurrent case it can run). Here DynamoDB Local is wrapped
 * so its first transactions are cancelled with that reason, exactly as DynamoDB answers.
 */
class TransactionConflictTest {
    private final TestCloud cloud = TestCloud.shared();

    /** DynamoDB Local, except that the first {@code conflicts} transactWriteItems calls are cancelled as conflicting. */
    static DynamoDbClient conflicting(DynamoDbClient real, int conflicts, AtomicInteger attempts) {
        return conflicting(real, request -> attempts.incrementAndGet() <= conflicts);
    }

    /** DynamoDB Local, except that transactWriteItems calls {@code conflicts} picks are cancelled as DynamoDB cancels a conflict. */
    static DynamoDbClient conflicting(DynamoDbClient real, Predicate<TransactWriteItemsRequest> conflicts) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems") && args != null && args[0] instanceof TransactWriteItemsRequest request) {
                        if (conflicts.test(request)) {
                            throw TransactionCanceledException.builder()
                                    .message("Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]")
                                    .cancellationReasons(request.transactItems().stream()
                                            .map(item -> CancellationReason.builder().code(item.update() != null ? "TransactionConflict" : "None")
                                                    .message(item.update() != null ? "Transaction is ongoing for the item" : null).build())
                                            .toList())
                                    .build();
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private SubmitInterestHandler handler(int conflicts, AtomicInteger attempts) {
        Platform local = cloud.platform("SubmitInterestFunction");
        Platform flaky = new Platform(local.env(), conflicting(cloud.dynamo(), conflicts, attempts), () -> local.ses(), Clock.systemUTC());
        return new SubmitInterestHandler(flaky);
    }

    private long cityCount(String city) {
        return new Counters(cloud.platform()).read(Counters.INTEREST_BY_CITY).getOrDefault("MT#" + city.toLowerCase(Locale.ROOT), 0L);
    }

    @Test
    void aConflictingSubmissionIsRetriedAndStoredOnce() {
        AtomicInteger attempts = new AtomicInteger();
        String city = "Retry " + TestCloud.uniqueId("c");
        var response = handler(2, attempts).handleRequest(ApiEvents.post("/interest", IntakeFixtures.interest(city)), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(3, attempts.get(), "two conflicts, then the write");
        assertEquals(1, cityCount(city));
        String id = ApiEvents.json(response).get("id").asText();
        assertTrue(!IntakeFixtures.item(cloud.dynamo(), cloud.table("InterestTable"), "id", id).isEmpty());
    }

    @Test
    void aPersistentConflictIsA503WithRetryAfterAndStoresNothing() {
        AtomicInteger attempts = new AtomicInteger();
        String city = "Busy " + TestCloud.uniqueId("c");
        var response = handler(Integer.MAX_VALUE, attempts).handleRequest(ApiEvents.post("/interest", IntakeFixtures.interest(city)), null);

        assertEquals(503, response.getStatusCode(), response.getBody());
        assertEquals("1", response.getHeaders().get("Retry-After"));
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/problem+json"));
        assertEquals(5, attempts.get());
        assertEquals(0, cityCount(city));
    }

    @Test
    void aFailedConditionIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        DynamoDbClient counting = conflicting(cloud.dynamo(), 0, attempts);
        String id = TestCloud.uniqueId("outbox");
        var table = cloud.table("OutboxTable");
        var item = java.util.Map.of("outboxId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id));
        new WriteTransaction(counting).put("first", table, item, "attribute_not_exists(outboxId)", java.util.Map.of(), java.util.Map.of()).commit();
        var failed = assertThrows(WriteTransaction.ConditionFailed.class, () -> new WriteTransaction(counting)
                .put("again", table, item, "attribute_not_exists(outboxId)", java.util.Map.of(), java.util.Map.of()).commit());
        assertEquals("again", failed.label());
        assertEquals(2, attempts.get());
    }
}
