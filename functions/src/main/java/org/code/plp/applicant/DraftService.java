package org.code.plp.applicant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.code.plp.applicant.AccessTokens.Grant;
import org.code.plp.applicant.AccessTokens.Purpose;
import org.code.plp.outbox.EmailType;
import org.code.plp.outbox.OutboxItem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Timestamps;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * "Save and finish later": a draft is stored server-side (shape-checked only) and a resume link is
 * emailed. It is kept {@link #LIFETIME} from the first save (DynamoDB TTL), with one reminder
 * {@link #REMIND_BEFORE} before it goes. Resume links expire with their draft.
 */
public class DraftService {
    public static final Duration LIFETIME = Duration.ofDays(30);
    public static final Duration REMIND_BEFORE = Duration.ofDays(3);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US).withZone(ZoneOffset.UTC);

    private final AccessTokens tokens;
    private final DynamoDbTable<DraftItem> drafts;
    private final OutboxRepository outbox;
    private final DynamoDbClient dynamo;
    private final Clock clock;

    public DraftService(Platform platform, AccessTokens tokens, OutboxRepository outbox) {
        this.tokens = tokens;
        this.drafts = platform.enhanced().table(platform.table("DRAFTS_TABLE"), DraftItem.SCHEMA);
        this.outbox = outbox;
        this.dynamo = platform.dynamo();
        this.clock = platform.clock();
    }

    /**
     * A draft as answered; {@code token} only to the save that created it (the page saves again with it,
     * so one tab keeps one draft and one email); {@code form} (JSON text, sent as is) only when restoring.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DraftView(String draftId, String email, String expiresAt, String message, String token,
                            @JsonRawValue String form) {
    }

    /** A new draft for {@code email}, the email with its resume link queued with it, and a token to save it again. */
    public DraftView save(ApplicantValidator.DraftInput input) {
        String email = input.email();
        Instant now = Timestamps.truncate(clock.instant());
        Instant expires = now.plus(LIFETIME);
        DraftItem draft = new DraftItem();
        draft.setDraftId(UUID.randomUUID().toString());
        draft.setEmail(email);
        draft.setForm(input.formJson());
        draft.setCreatedAt(Timestamps.format(now));
        draft.setUpdatedAt(Timestamps.format(now));
        draft.setExpiresAt(expires.getEpochSecond());
        draft.setRemindAt(Timestamps.format(expires.minus(REMIND_BEFORE)));
        draft.setReminder(DraftItem.REMINDER_DUE);
        WriteTransaction transaction = new WriteTransaction(dynamo);
        transaction.create("draft", drafts.tableName(), DraftItem.SCHEMA, draft, "draftId");
        outbox.queue(transaction, OutboxItem.pending(EmailType.DRAFT_SAVED, draft.getDraftId(), null, email, mailData(draft), now));
        String token = tokens.mint(transaction, new Grant(Purpose.RESUME, draft.getDraftId(), null, expires));
        transaction.commit();
        return answer(draft, token, null);
    }

    /**
     * When a draft was first saved, from its reminder time (a key of the reminder index, which projects
     * no other time): the reminder is due {@link #LIFETIME} less {@link #REMIND_BEFORE} after the first save.
     */
    static String savedAt(DraftItem draft) {
        return Timestamps.format(Instant.parse(draft.getRemindAt()).minus(LIFETIME.minus(REMIND_BEFORE)));
    }

    /** The values of a draft email: its address and when it (and so its link) expires. */
    static Map<String, String> mailData(DraftItem draft) {
        Instant expires = Instant.ofEpochSecond(draft.getExpiresAt());
        return Map.of("email", draft.getEmail(),
                EmailLinks.DRAFT_EXPIRES_AT, Timestamps.format(expires),
                "draftExpiresOn", DAY.format(expires));
    }

    public DraftView resume(String token) {
        DraftItem draft = open(token);
        return answer(draft, null, draft.getForm());
    }

    /** Saves the form again under the same link; the draft keeps its expiry (and its link stays valid). */
    public DraftView update(String token, String formJson) {
        DraftItem draft = open(token);
        try {
            dynamo.updateItem(r -> r.tableName(drafts.tableName())
                    .key(Map.of("draftId", AttributeValue.fromS(draft.getDraftId())))
                    .updateExpression("SET form = :form, updatedAt = :now")
                    .conditionExpression("attribute_exists(draftId)")
                    .expressionAttributeValues(Map.of(":form", AttributeValue.fromS(formJson),
                            ":now", AttributeValue.fromS(Timestamps.format(Timestamps.truncate(clock.instant()))))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
            throw StatusService.invalidLink();
        }
        return answer(draft, null, null);
    }

    /** Deletes the draft (it was submitted, or the applicant discards it). */
    public void discard(String token) {
        DraftItem draft = open(token);
        drafts.deleteItem(Key.builder().partitionValue(draft.getDraftId()).build());
    }

    private DraftItem open(String token) {
        String draftId = tokens.resolve(token, Purpose.RESUME).orElseThrow(StatusService::invalidLink).subjectId();
        DraftItem draft = drafts.getItem(r -> r.key(Key.builder().partitionValue(draftId).build()).consistentRead(true));
        // TTL deletes lazily (up to days late): an expired draft is gone as far as anyone can tell.
        if (draft == null || draft.getExpiresAt() <= clock.instant().getEpochSecond()) {
            throw StatusService.invalidLink();
        }
        return draft;
    }

    private static DraftView answer(DraftItem draft, String token, String form) {
        Instant expires = Instant.ofEpochSecond(draft.getExpiresAt());
        return new DraftView(draft.getDraftId(), draft.getEmail(), Timestamps.format(expires),
                "Saved. We emailed a link to " + draft.getEmail() + " to finish your application; the draft is kept until "
                        + DAY.format(expires) + ".", token, form);
    }
}
