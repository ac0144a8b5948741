package org.code.plp.applicant;

import java.time.Clock;
import java.util.Map;
import org.code.plp.platform.Platform;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fixed-window rate limits kept in DynamoDB: one counter item per key and window, raised by a
 * conditional update that fails once the limit is reached (so concurrent callers never overshoot),
 * removed by TTL after its window. Keys are hashed: an email address is not stored here.
 */
public class RateLimiter {
    public static final String TABLE = "RATE_LIMITS_TABLE";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public RateLimiter(Platform platform) {
        this.dynamo = platform.dynamo();
        this.table = platform.table(TABLE);
        this.clock = platform.clock();
    }

    public record Limit(String name, int max, long windowSeconds) {
    }

    /** Counts one use of {@code key} under {@code limit}; false when the window's allowance is spent. */
    public boolean allow(Limit limit, String key) {
        long now = clock.instant().getEpochSecond();
        long window = now / limit.windowSeconds();
        String bucket = limit.name() + "#" + AccessTokens.hash(key) + "#" + window;
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of("bucket", AttributeValue.fromS(bucket)))
                    .updateExpression("ADD #n :one SET expiresAt = if_not_exists(expiresAt, :expires)")
                    .conditionExpression("attribute_not_exists(#n) OR #n < :max")
                    .expressionAttributeNames(Map.of("#n", "n"))
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":max", AttributeValue.fromN(Integer.toString(limit.max())),
                            ":expires", AttributeValue.fromN(Long.toString((window + 1) * limit.windowSeconds() + 60)))));
            return true;
        } catch (ConditionalCheckFailedException limited) {
            return false;
        }
    }
}
