package org.code.plp.applicant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Private links for applicants: a 256-bit random token goes into the email, only its SHA-256 hash
 * is stored (keyed by it), with what it opens and until when. Tokens are minted when the email is
 * sent, never queued, so the raw token is in no table; nothing here logs a token.
 */
public class AccessTokens {
    public static final String TABLE = "ACCESS_TOKENS_TABLE";
    /** GSI (subjectId), keys only: erasure finds and deletes every link to an application or draft. */
    public static final String BY_SUBJECT = "bySubject";
    private static final int TOKEN_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a token opens: an application's status page, a draft, or the confirmation of a new email address. */
    public enum Purpose { STATUS, RESUME, EMAIL_CHANGE }

    /** What a token grants: {@code subjectId} is the application or draft; {@code email} the address to confirm. */
    public record Grant(Purpose purpose, String subjectId, String email, Instant validUntil) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public AccessTokens(Platform platform) {
        this.dynamo = platform.dynamo();
        this.table = platform.table(TABLE);
        this.clock = platform.clock();
    }

    /** A new raw token for {@code grant}; only its hash is written. */
    public String mint(Grant grant) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("tokenHash", AttributeValue.fromS(hash(token)));
        item.put("purpose", AttributeValue.fromS(grant.purpose().name()));
        item.put("subjectId", AttributeValue.fromS(grant.subjectId()));
        if (grant.email() != null) {
            item.put("email", AttributeValue.fromS(grant.email()));
        }
        item.put("validUntil", AttributeValue.fromN(Long.toString(grant.validUntil().getEpochSecond())));
        item.put("createdAt", AttributeValue.fromS(clock.instant().toString()));
        // DynamoDB TTL removes it a day after it stops working (deletion is lazy; resolve checks validUntil itself).
        item.put("expiresAt", AttributeValue.fromN(Long.toString(grant.validUntil().getEpochSecond() + 86_400)));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(tokenHash)"));
        return token;
    }

    /** The grant of a raw token, if it exists, has this purpose and has not run out. */
    public Optional<Grant> resolve(String token, Purpose purpose) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(token))).item();
        if (item == null || item.isEmpty() || !purpose.name().equals(item.get("purpose").s())) {
            return Optional.empty();
        }
        Instant validUntil = Instant.ofEpochSecond(Long.parseLong(item.get("validUntil").n()));
        if (!clock.instant().isBefore(validUntil)) {
            return Optional.empty();
        }
        AttributeValue email = item.get("email");
        return Optional.of(new Grant(purpose, item.get("subjectId").s(), email == null ? null : email.s(), validUntil));
    }

    /** Adds the one-time use of a token to a transaction: it is deleted, and the transaction fails if it is already gone. */
    public void spend(WriteTransaction transaction, String token) {
        transaction.delete("access token", table, key(token), "attribute_exists(tokenHash)");
    }

    /** Deletes every token of an application or draft (its links open nothing after; an email change's new address goes). */
    public int forgetAll(String subjectId) {
        int deleted = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> r.tableName(table).indexName(BY_SUBJECT)
                    .keyConditionExpression("subjectId = :s")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(subjectId)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> token : page.items()) {
                dynamo.deleteItem(r -> r.tableName(table).key(Map.of("tokenHash", token.get("tokenHash"))));
                deleted++;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return deleted;
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static Map<String, AttributeValue> key(String token) {
        return Map.of("tokenHash", AttributeValue.fromS(hash(token)));
    }
}
