/**
 * Email: sending what the outbox holds, exactly once.
 *
 * <p>A request never sends mail. It writes an {@link org.code.plp.outbox.OutboxItem} (type, recipient,
 * a {@code data} map of raw values) in the same transaction as its record. OutboxTable's stream invokes
 * {@link org.code.plp.notify.NotifyHandler} with the INSERTs (a FilterCriteria drops the MODIFYs, which
 * are this package's own bookkeeping).
 *
 * <h2>Exactly once</h2>
 * <ol>
 * <li>Claim: {@code pending -> sending} with a random {@code leaseId} and {@code leaseUntil}
 *     (NOTIFY_LEASE_SECONDS, 120 s, longer than the function's timeout), a conditional update that also
 *     takes over a {@code sending} item whose lease ended (its sender died). A record whose item is
 *     {@code sent} or {@code failed} is skipped; one whose item is held by a live lease is skipped too
 *     (the holder sends it; if the holder dies, the redrive finds the ended lease).</li>
 * <li>Send through SESv2 ({@link org.code.plp.notify.SesMailer}).</li>
 * <li>Mark {@code sent} with SES's message id, conditional on still holding the lease.</li>
 * </ol>
 *
 * <h2>Failures</h2>
 * <ul>
 * <li>Transient (SES 5xx, throttling, connection refused, anything unexpected): the claim is released
 *     ({@code sending -> pending}) and only that record is reported in {@code batchItemFailures} (its
 *     sequence number), so Lambda re-delivers from it; records already sent are skipped on the way.</li>
 * <li>Permanent (an address that is not exactly one plain address, a message SES rejects
 *     ({@code MessageRejected}, {@code BadRequest}), an unknown type): marked {@code failed} with
 *     {@code failureReason}, not retried, logged as {@code "outcome":"FAILED"}. Query them with the
 *     {@code byState} index ({@code state = failed}).</li>
 * <li>Retries ran out (MaximumRetryAttempts 5 or MaximumRecordAgeInSeconds 3600): Lambda writes the batch's
 *     description to NotifyFailureQueue (alarm on its depth), the items stay {@code pending}, and
 *     {@link org.code.plp.notify.NotifyRedriveHandler} (every 10 minutes) sends every item still pending,
 *     or held by an ended lease, 15 minutes after it was written: a Query on OutboxTable's {@code byState}
 *     index (state, createdAt), never a Scan. It stops at the first transient failure (SES still down).</li>
 * </ul>
 *
 * <h2>Copy</h2>
 * <p>{@code src/main/resources/email/<type>.subject|.txt|.html} (the HTML part a fragment placed in
 * {@code email/layout.html}, whose title is the subject), with {@code {{name}}} or
 * {@code {{name|words used when empty}}} placeholders; the values each type may use are listed in
 * {@link org.code.plp.notify.EmailCopy#knownValues} (a test keeps copy and list in step). Decision emails
 * (interview, accepted, declined, waitlisted) use the same keys as the confirmation: applicationId,
 * firstName, lastName, email, organizationName, regionName, regionId. Values are HTML-escaped in the HTML
 * part, as typed in the text part, flattened to one line in the subject; From is SENDER_EMAIL, Reply-To
 * STAFF_EMAIL, staff alerts go to STAFF_EMAIL.
 */
package org.code.plp.notify;
