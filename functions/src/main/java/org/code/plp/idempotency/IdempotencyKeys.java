package org.code.plp.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.Created;
import org.code.plp.http.Problem;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Idempotency-Key handling: the key's record is created in the same transaction as the
 * resource, so a retried or double-clicked submission stores one record and gets one answer.
 */
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    public static final String WRITE_LABEL = "idempotency";
    /**
     * The request hash of a record whose resource was erased: the hash of a body full of personal data is
     * itself personal. A retry with that key gets the first answer (the erased record's id), never a new record.
     */
    public static final String ERASED_HASH = "erased";
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:\\-]{8,128}$");
    private static final Duration RETENTION = Duration.ofDays(7);

    private final DynamoDbTable<IdempotencyItem> table;

    public IdempotencyKeys(Platform platform) {
        this.table = platform.enhanced().table(platform.table("IDEMPOTENCY_TABLE"), IdempotencyItem.SCHEMA);
    }

    /**
     * A key claim for this request, when the client sent a key; 400 when the key is malformed.
     * The body counts by meaning: its canonical JSON is what a replay must match.
     */
    public Optional<Claim> claim(ApiRequest request, String scope, JsonNode body) {
        Optional<String> header = request.header(HEADER).map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        if (!KEY.matcher(header.get()).matches()) {
            throw Problem.field(400, "validation", "Invalid request", HEADER,
                    "Must be 8 to 128 letters, digits, '.', '_', ':' or '-'.");
        }
        return Optional.of(new Claim(scope + "#" + header.get(), sha256(CanonicalJson.write(body))));
    }

    /**
     * Commits the transaction that creates a resource, with the key's record in it when there is a key.
     * If the key was used before, nothing is written and the first answer comes back instead
     * (or 409 when the body differs).
     */
    public Created commit(WriteTransaction transaction, Optional<Claim> claim, Created answer, Instant now) {
        claim.ifPresent(c -> transaction.create(WRITE_LABEL, table.tableName(), IdempotencyItem.SCHEMA, record(c, answer, now), "idempotencyKey"));
        try {
            transaction.commit();
            return answer;
        } catch (WriteTransaction.ConditionFailed failed) {
            if (claim.isPresent() && WRITE_LABEL.equals(failed.label())) {
                IdempotencyItem stored = replay(claim.get());
                return new Created(stored.getResponse(), stored.getLocation());
            }
            throw failed;
        }
    }

    private static IdempotencyItem record(Claim claim, Created answer, Instant now) {
        IdempotencyItem item = new IdempotencyItem();
        item.setIdempotencyKey(claim.key());
        item.setRequestHash(claim.requestHash());
        item.setStatus(201);
        item.setResponse(answer.body());
        item.setLocation(answer.location());
        item.setCreatedAt(Timestamps.format(now));
        item.setExpiresAt(now.plus(RETENTION).getEpochSecond());
        return item;
    }

    private IdempotencyItem replay(Claim claim) {
        IdempotencyItem stored = table.getItem(Key.builder().partitionValue(claim.key()).build());
        if (stored == null) {
            throw new IllegalStateException("Idempotency record vanished: " + claim.key());
        }
        if (!stored.getRequestHash().equals(claim.requestHash()) && !ERASED_HASH.equals(stored.getRequestHash())) {
            throw Problem.conflict("idempotency-key-reused",
                    "This Idempotency-Key was already used with a different body. Use a new key for a new submission.");
        }
        return stored;
    }

    private static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Claim(String key, String requestHash) {
    }
}
