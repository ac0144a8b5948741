package org.code.plp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org", "first.last+plp@mail.school-district.k12.la.us", "o'brien@example.com"})
    void acceptsOnePlainAddress(String address) {
        assertTrue(EmailAddresses.isSingleAddress(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org\r\nBcc: all@example.org", "ada@example.org\n", "\rada@example.org",
            "ada@example.org, eve@example.org", "ada@example.org;eve@example.org", "Ada <ada@example.org>",
            "ada@localhost", "ada@@example.org", "ada example@example.org", "", "@example.org"})
    void refusesAnythingThatCouldAddAHeaderOrARecipient(String address) {
        assertFalse(EmailAddresses.isSingleAddress(address));
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> EmailAddresses.requireSingle(address, "recipient"));
        assertTrue(failure.isPermanent());
        assertFalse(failure.getMessage().contains("example.org"), "the reason must not echo the address");
    }

    @Test
    void refusesNullAndOverlongAddresses() {
        assertFalse(EmailAddresses.isSingleAddress(null));
        assertFalse(EmailAddresses.isSingleAddress("a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "."
                + "d".repeat(60) + "." + "e".repeat(60) + ".org"));
        assertEquals("a@b.co", EmailAddresses.requireSingle("a@b.co", "recipient"));
    }
}
