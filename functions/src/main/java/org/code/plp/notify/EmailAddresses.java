package org.code.plp.notify;

import java.util.regex.Pattern;

/**
 * The one check every recipient passes before SES sees it: exactly one plain address, no display
 * name, no separators, no CR/LF or other control characters, so nothing can add a header or a
 * second recipient.
 */
public final class EmailAddresses {
    private static final int MAX_LENGTH = 254;
    private static final Pattern ONE_ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddresses() {
    }

    public static boolean isSingleAddress(String address) {
        return address != null && address.length() <= MAX_LENGTH && ONE_ADDRESS.matcher(address).matches();
    }

    /** The address itself, or a permanent {@link DeliveryFailure} naming what it is for (never the address). */
    public static String requireSingle(String address, String role) {
        if (!isSingleAddress(address)) {
            throw DeliveryFailure.permanent("The " + role + " address is not a single valid email address");
        }
        return address;
    }
}
