package org.code.plp.pins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.code.plp.http.Problem;

/**
 * A small per-instance cache: an entry is served for {@code maxAge} after it was loaded, then
 * loaded again; the least recently used entry goes when {@code maxEntries} is reached. A warm Lambda
 * serves repeated reads from memory, and a change shows at most {@code maxAge} later.
 * A zero age turns caching off.
 */
public final class TtlCache<K, V> {
    private record Slot<V>(V value, Instant loadedAt) {
    }

    private final Clock clock;
    private final Duration maxAge;
    private final Map<K, Slot<V>> entries;

    public TtlCache(Clock clock, Duration maxAge, int maxEntries) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Slot<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * The cached value, or a fresh one from {@code loader} when absent or older than the age. When
     * the loader fails (DynamoDB unreachable) an older value is served rather than none: the map
     * keeps working through an outage, and the entry is loaded again on the next read.
     */
    public V get(K key, Function<K, V> loader) {
        Instant now = clock.instant();
        Slot<V> entry;
        synchronized (entries) {
            entry = entries.get(key);
            if (entry != null && now.isBefore(entry.loadedAt().plus(maxAge))) {
                return entry.value();
            }
        }
        // Loaded outside the lock: two concurrent misses both load, which is cheaper than serialising reads.
        V value;
        try {
            value = loader.apply(key);
        } catch (Problem answer) {
            throw answer;
        } catch (RuntimeException failure) {
            if (entry == null) {
                throw failure;
            }
            return entry.value();
        }
        synchronized (entries) {
            entries.put(key, new Slot<>(value, now));
        }
        return value;
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
