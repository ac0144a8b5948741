package org.code.plp.regions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a region stands; only {@link #SEEKING_PARTNER} regions take applications. On the wire in lower case. */
public enum RegionStatus {
    SEEKING_PARTNER, PARTNER_SELECTED, CLOSED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RegionStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }

    public static List<String> wires() {
        return Arrays.stream(values()).map(RegionStatus::wire).toList();
    }
}
