package org.code.plp.applicant;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Log;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Scheduled: queues the one reminder of each draft whose reminder is due (3 days before it
 * expires). Found by a Query on the sparse byReminder index (only drafts still owed a reminder are
 * in it); each reminder is one transaction that takes the draft out of the index and queues the
 * email, conditioned on it still being owed and unexpired, so overlapping runs send it once. A draft
 * whose address has sent an application since the draft was first saved gets no reminder (it would
 * tell someone who applied that they have not): it only leaves the index.
 */
public final class DraftReminderHandler implements RequestHandler<ScheduledEvent, DraftReminderHandler.Report> {
    private final DynamoDbTable<DraftItem> drafts;
    private final OutboxRepository outbox;
    private final ApplicationRepository applications;
    private final Platform platform;
    private final Clock clock;
    private final Priming priming;

    public DraftReminderHandler() {
        this(Platform.fromEnvironment());
    }

    public DraftReminderHandler(Platform platform) {
        this.platform = platform;
        this.drafts = platform.enhanced().table(platform.table("DRAFTS_TABLE"), DraftItem.SCHEMA);
        this.outbox = new OutboxRepository(platform);
        this.applications = new ApplicationRepository(platform);
        this.clock = platform.clock();
        // Priming must not write: it Queries the reminder's index (the one read its policy allows) for no draft.
        this.priming = Priming.register(platform, Priming.Read.DRAFT_REMINDERS, () -> drafts.tableName());
    }

    /** What a run found, queued, and skipped because the address has applied since. */
    public record Report(int found, int queued, int applied) {
    }

    public Priming priming() {
        return priming;
    }

    @Override
    public Report handleRequest(ScheduledEvent event, Context context) {
        Instant now = Timestamps.truncate(clock.instant());
        int found = 0;
        int queued = 0;
        int applied = 0;
        var due = drafts.index(DraftItem.BY_REMINDER).query(r -> r.queryConditional(QueryConditional.sortLessThanOrEqualTo(
                Key.builder().partitionValue(DraftItem.REMINDER_DUE).sortValue(Timestamps.format(now)).build())));
        for (var page : due) {
            for (DraftItem draft : page.items()) {
                found++;
                if (!applications.idsByContactEmail(draft.getEmail(), DraftService.savedAt(draft), 1).isEmpty()) {
                    applied += retire(draft) ? 1 : 0;
                } else if (remind(draft, now)) {
                    queued++;
                }
            }
        }
        Report report = new Report(found, queued, applied);
        Log.info("draft-reminders", "report", report);
        return report;
    }

    /** Takes a draft out of the reminder index without a reminder; the draft itself stays until it expires. */
    private boolean retire(DraftItem draft) {
        try {
            platform.dynamo().updateItem(r -> r.tableName(drafts.tableName())
                    .key(Map.of("draftId", AttributeValue.fromS(draft.getDraftId())))
                    .updateExpression("REMOVE reminder").conditionExpression("reminder = :due")
                    .expressionAttributeValues(Map.of(":due", AttributeValue.fromS(DraftItem.REMINDER_DUE))));
            return true;
        } catch (ConditionalCheckFailedException alreadyDone) {
            return false;
        }
    }

    private boolean remind(DraftItem draft, Instant now) {
        if (draft.getExpiresAt() <= now.getEpochSecond()) {
            return false;
        }
        WriteTransaction transaction = new WriteTransaction(platform.dynamo());
        transaction.update("draft", drafts.tableName(), Map.of("draftId", AttributeValue.fromS(draft.getDraftId())),
                "REMOVE reminder SET remindedAt = :now", "reminder = :due AND expiresAt > :epoch", Map.of(),
                Map.of(":now", AttributeValue.fromS(Timestamps.format(now)),
                        ":due", AttributeValue.fromS(DraftItem.REMINDER_DUE),
                        ":epoch", AttributeValue.fromN(Long.toString(now.getEpochSecond()))));
        outbox.queue(transaction, OutboxItem.pending(EmailType.DRAFT_REMINDER, draft.getDraftId(), null, draft.getEmail(),
                DraftService.mailData(draft), now));
        try {
            transaction.commit();
            return true;
        } catch (WriteTransaction.ConditionFailed alreadyDone) {
            return false;
        }
    }
}
