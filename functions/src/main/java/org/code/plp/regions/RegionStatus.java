package org.code.plp.regions;

import java.util.Set;

/** Where a region stands; only {@link #SEEKING_PARTNER} regions take applications. */
public final class RegionStatus {
    public static final String SEEKING_PARTNER = "seeking_partner";
    public static final String PARTNER_SELECTED = "partner_selected";
    public static final String CLOSED = "closed";
    public static final Set<String> ALL = Set.of(SEEKING_PARTNER, PARTNER_SELECTED, CLOSED);

    private RegionStatus() {
    }
}
