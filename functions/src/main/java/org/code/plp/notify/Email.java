package org.code.plp.notify;

/** One rendered email, ready for SES: a single validated recipient, a one-line subject, two bodies. */
public record Email(String type, String to, String subject, String text, String html) {
}
