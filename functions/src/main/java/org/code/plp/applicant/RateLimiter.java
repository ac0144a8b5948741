package org.code.plp.applicant;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** The counter item of {@code key} in one window: the key only as its SHA-256 hash. */
    public static String bucket(Limit limit, String key, long window) {
        return limit.name() + "#" + AccessTokens.hash(key) + "#" + window;
    }

    /**
     * Every counter of {@code key} that may still exist at {@code epochSecond}: TTL ends a window a minute after
     * it, but DynamoDB deletes expired items lazily (usually within two days), so the windows of the last {@code lag} count.
     */
    public static List<String> recentBuckets(Limit limit, String key, long epochSecond, Duration lag) {
        long window = epochSecond / limit.windowSeconds();
        long oldest = (epochSecond - lag.getSeconds()) / limit.windowSeconds();
        List<String> buckets = new ArrayList<>();
        for (long w = window; w >= oldest; w--) {
            buckets.add(bucket(limit, key, w));
        }
        return buckets;
    }

    /** Counts one use of {@code key} under {@code limit}; false when the window's allowance is spent. */
    public boolean allow(Limit limit, String key) {
        long now = clock.instant().getEpochSecond();
        long window = now / limit.windowSeconds();
        String bucket = bucket(limit, key, window);
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
