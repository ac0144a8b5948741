/**
 * Email: sending what the outbox holds, exactly once.
 *
 * <p>A request never sends mail. It writes an {@link org.code.plp.outbox.OutboxItem} (type, recipient,
 * a {@code data} map of raw values) in the same transaction as its record. OutboxTable's stream invokes
 * {@link org.code.plp.notify.NotifyHandler} with the INSERTs (a FilterCriteria drops the MODIFYs, which
 * are this package's own bookkeeping).
 *
 * <h2>Due times</h2>
 * <p>Every item carries {@code dueAt}. Submissions' emails are due at once: the stream sends them. A
 * decision's email is held ({@code dueAt} = decision + DECISION_EMAIL_HOLD_MINUTES) so the decision can
 * be undone; the stream skips it and {@link org.code.plp.notify.NotifyRedriveHandler}, the sweeper (every
 * minute), sends it when due: a Query on OutboxTable's {@code byDue} index (state, dueAt), never a Scan.
 * An undo cancels a held email ({@code pending -> cancelled}) only while it is pending and not yet due;
 * a claim needs it pending and due; so of an undo and the sweeper at the end of the hold exactly one wins.
 *
 * <h2>Exactly once</h2>
 * <ol>
 * <li>Claim: {@code pending} and due {@code -> sending} with a random {@code leaseId} and {@code leaseUntil}
 *     (NOTIFY_LEASE_SECONDS, 120 s, longer than the function's timeout; {@code dueAt} moves to the lease's
 *     end), a conditional update that also takes over a {@code sending} item whose lease ended (its sender
 *     died; the sweeper finds it by its {@code dueAt}). A record whose item is {@code sent}, {@code failed},
 *     {@code cancelled}, not due, or held by a live lease is skipped.</li>
 * <li>Send through SESv2 ({@link org.code.plp.notify.SesMailer}).</li>
 * <li>Mark {@code sent} with SES's message id, conditional on still holding the lease.</li>
 * </ol>
 *
 * <h2>Failures</h2>
 * <ul>
 * <li>Transient (SES 5xx, throttling, connection refused, {@code MessageRejected}, which SES answers to every
 *     message while the identity is unverified or sending paused, anything unexpected): the claim is released
 *     ({@code sending -> pending}) with {@code dueAt} moved by the {@link org.code.plp.notify.RetryPolicy}
 *     (NOTIFY_RETRY_SECONDS, 30 s, doubling up to 30 min) and {@code lastError}; the sweeper retries it.
 *     The stream does not re-deliver it (a failed send is not a failed record); only a record that could
 *     not be processed at all is reported in {@code batchItemFailures}.</li>
 * <li>After NOTIFY_MAX_ATTEMPTS (10) attempts, or at once when permanent (an address that is not exactly
 *     one plain address, a request SES calls malformed ({@code BadRequest}), an unknown
 *     type): marked {@code failed} with {@code failureReason}, never retried, logged as
 *     {@code "outcome":"FAILED"} and counted in the {@code PLP EmailsFailed} metric (an Embedded
 *     Metric Format line), which the template alarms on.</li>
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
