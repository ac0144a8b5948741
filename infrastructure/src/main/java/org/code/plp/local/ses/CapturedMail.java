package org.code.plp.local.ses;

/** One email the local SES endpoint accepted, as {@code GET /local/mail} lists it. */
public record CapturedMail(String to, String from, String replyTo, String subject, String text, String html,
                           String sentAt, String messageId, String configurationSet) {
}
