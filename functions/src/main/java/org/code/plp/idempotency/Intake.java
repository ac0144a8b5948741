package org.code.plp.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.code.plp.http.Created;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What taking in a public form (an application, an interest form) shares: the new record's id and time,
 * one transaction for the record, its counters and its emails, committed with the request's
 * Idempotency-Key claim, so a retry stores nothing more and gets the first answer.
 */
public record Intake(IdempotencyKeys idempotency, OutboxRepository outbox, DynamoDbClient dynamo, Clock clock) {
    /** One submission's id, time and transaction; nothing is written before {@link #commit}. */
    public record Submission(String id, Instant now, Optional<IdempotencyKeys.Claim> claim, WriteTransaction transaction) {
        /** The key the record keeps, so erasure reaches the key's record (null without one). */
        public String claimKey() {
            return claim.map(IdempotencyKeys.Claim::key).orElse(null);
        }
    }

    /** A new submission, for {@code claim}'s key when the request had one. */
    public Submission begin(Optional<IdempotencyKeys.Claim> claim) {
        return new Submission(UUID.randomUUID().toString(), Timestamps.truncate(clock.instant()), claim, new WriteTransaction(dynamo));
    }

    /** Queues an email about the submission: to {@code recipient}, or (null) a staff email, which goes to the staff inbox. */
    public void email(Submission submission, EmailType type, String recipient, Map<String, String> data) {
        outbox.queue(submission.transaction(), OutboxItem.pending(type, submission.id(), null, recipient, data, submission.now()));
    }

    /** Commits the submission with the key's record; a replay answers as the first time did. */
    public Created commit(Submission submission, Created answer) {
        return idempotency.commit(submission.transaction(), submission.claim(), answer, submission.now());
    }
}
