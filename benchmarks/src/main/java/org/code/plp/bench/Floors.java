package org.code.plp.bench;

import java.util.List;
import org.code.plp.bench.floor.ApiFloor;
import org.code.plp.bench.floor.ScheduleFloor;
import org.code.plp.bench.floor.StreamFloor;

/** The floor handler for each event type: same event and answer types as the function, a constant answer. */
final class Floors {
    private static final List<Class<?>> ALL = List.of(ApiFloor.class, StreamFloor.class, ScheduleFloor.class);

    private Floors() {
    }

    static String forEvent(String eventType) {
        for (Class<?> floor : ALL) {
            try {
                if (ColdStartBenchmark.eventType(floor.getName()).equals(eventType)) {
                    return floor.getName();
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("No floor handler for events of type " + eventType);
    }
}
