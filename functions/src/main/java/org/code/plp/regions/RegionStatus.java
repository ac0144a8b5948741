package org.code.plp.regions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.code.plp.validation.Choices;

/** Where a region stands; only {@link #SEEKING_PARTNER} regions take applications. On the wire in lower case. */
public enum RegionStatus {
    SEEKING_PARTNER("Seeking a partner"), PARTNER_SELECTED("Partner selected"), CLOSED("Closed");

    /** Every status and its words on the map (web/js/rules.json's "regionStatuses"). */
    public static final Choices CHOICES = Choices.of("regionStatuses", Arrays.stream(values())
            .flatMap(s -> Stream.of(s.wire(), s.label)).toArray(String[]::new));

    private final String label;

    RegionStatus(String label) {
        this.label = label;
    }

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
