package org.code.plp.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.code.plp.platform.Env;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends an {@link Email} with SESv2 SendEmail: From the sender identity, Reply-To the staff inbox,
 * UTF-8 text and HTML parts, through the configuration set (bounce/complaint suppression).
 * A malformed request is permanent. Anything else is worth a retry, a rejection included: SES rejects
 * every message while an identity is unverified or sending is paused, which staff fix (the retry limit
 * still ends a message that is rejected for itself).
 */
public final class SesMailer {
    private static final String UTF_8 = "UTF-8";

    private final Supplier<SesV2Client> ses;
    private final String sender;
    private final String replyTo;
    private final Optional<String> configurationSet;

    public SesMailer(Supplier<SesV2Client> ses, Env env) {
        this.ses = ses;
        this.sender = EmailAddresses.requireSingle(env.require("SENDER_EMAIL"), "sender");
        this.replyTo = EmailAddresses.requireSingle(env.require("STAFF_EMAIL"), "staff inbox");
        this.configurationSet = env.optional("SES_CONFIGURATION_SET");
    }

    /** SES message tag naming the outbox item, so a bounce or complaint event finds it (see EmailFeedbackHandler). */
    public static final String OUTBOX_TAG = "outbox";

    /** Returns SES's message id. */
    public String send(Email email) {
        return send(email, null);
    }

    /** Sends, tagged with the outbox item it comes from; returns SES's message id. */
    public String send(Email email, String outboxId) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(sender)
                .replyToAddresses(replyTo)
                .destination(d -> d.toAddresses(EmailAddresses.requireSingle(email.to(), "recipient")))
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(utf8(email.subject()))
                        .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build())
                        .build()).build());
        List<MessageTag> tags = new ArrayList<>(List.of(MessageTag.builder().name("type").value(email.type()).build()));
        if (outboxId != null) {
            tags.add(MessageTag.builder().name(OUTBOX_TAG).value(tagValue(outboxId)).build());
        }
        request.emailTags(tags);
        configurationSet.ifPresent(request::configurationSetName);
        try {
            return ses.get().sendEmail(request.build()).messageId();
        } catch (BadRequestException malformed) {
            throw DeliveryFailure.permanent("SES refused the request: " + malformed.awsErrorDetails().errorCode(), malformed);
        } catch (MessageRejectedException rejected) {
            throw DeliveryFailure.transientFailure("SES rejected the message: " + rejected.awsErrorDetails().errorCode(), rejected);
        } catch (SdkException e) {
            throw DeliveryFailure.transientFailure("SES did not take the message: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * SES tag values allow only letters, digits, '_' and '-'; an outbox id is "uuid#type[#vN]" (no
     * "--" and no '-' in a type), so '#' is written "--" and read back by {@link #outboxIdOfTag}.
     */
    static String tagValue(String outboxId) {
        return outboxId.replace("#", "--");
    }

    public static String outboxIdOfTag(String tagValue) {
        return tagValue.replace("--", "#");
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(UTF_8).build();
    }
}
