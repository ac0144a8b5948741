package org.code.plp.notify;

/**
 * An email could not be sent. Permanent failures (a bad address, a message SES rejects) will not
 * get better by retrying: the outbox item is marked failed. Transient ones (SES down, throttled)
 * release the item so the stream's retry or the redrive sends it later.
 */
public final class DeliveryFailure extends RuntimeException {
    private final boolean permanent;

    private DeliveryFailure(String reason, boolean permanent, Throwable cause) {
        super(reason, cause, false, false);
        this.permanent = permanent;
    }

    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, true, null);
    }

    public static DeliveryFailure permanent(String reason, Throwable cause) {
        return new DeliveryFailure(reason, true, cause);
    }

    public static DeliveryFailure transientFailure(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
