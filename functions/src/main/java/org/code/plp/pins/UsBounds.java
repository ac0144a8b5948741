package org.code.plp.pins;

/**
 * Whether a point lies in the program's United States (the 50 states and DC, as {@code UsStates}): boxes around
 * the contiguous states, Alaska (with the Aleutians west of the antimeridian) and Hawaii. Generous by a few kilometres at the
 * borders; its job is to catch swapped, mistyped or foreign coordinates, not to draw the border
 * (a box passes Canadian and Mexican cities near the border; the state code is checked separately).
 */
public final class UsBounds {
    private record Box(double south, double north, double west, double east) {
        boolean contains(double lat, double lng) {
            return lat >= south && lat <= north && lng >= west && lng <= east;
        }
    }

    private static final Box[] BOXES = {
            new Box(24.3, 49.5, -125.0, -66.8),    // contiguous states (Key West to Lake of the Woods)
            new Box(51.0, 71.6, -180.0, -129.9),   // Alaska
            new Box(51.0, 53.1, 172.0, 180.0),     // the western Aleutians
            new Box(18.8, 22.4, -160.3, -154.7),   // Hawaii's main islands
    };

    private UsBounds() {
    }

    public static boolean contains(double lat, double lng) {
        for (Box box : BOXES) {
            if (box.contains(lat, lng)) {
                return true;
            }
        }
        return false;
    }
}
