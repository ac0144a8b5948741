package org.code.plp.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.code.plp.platform.Env;
import org.junit.jupiter.api.Test;

class ETagsAndCacheTest {
    @Test
    void strongTagsFollowTheBytes() {
        String tag = ETags.of("{\"a\":1}");
        assertTrue(tag.startsWith("\"") && tag.endsWith("\"") && !tag.startsWith("W/"));
        assertEquals(tag, ETags.of("{\"a\":1}"));
        assertNotEquals(tag, ETags.of("{\"a\":2}"));
    }

    @Test
    void ifNoneMatchReadsListsWeakTagsAndStar() {
        String tag = ETags.of("x");
        assertTrue(ETags.noneMatchHits(tag, tag));
        assertTrue(ETags.noneMatchHits("\"other\", W/" + tag, tag));
        assertTrue(ETags.noneMatchHits(" * ", tag));
        assertFalse(ETags.noneMatchHits("\"other\"", tag));
        assertFalse(ETags.noneMatchHits(tag.replace("\"", ""), tag));
        assertFalse(ETags.noneMatchHits(null, tag));
    }

    @Test
    void cacheServesUntilTheAgeThenReloads() {
        MutableClock clock = new MutableClock();
        TtlCache<String, Integer> cache = new TtlCache<>(clock, Duration.ofSeconds(60), 2);
        AtomicInteger loads = new AtomicInteger();
        assertEquals(1, cache.get("k", k -> loads.incrementAndGet()));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, cache.get("k", k -> loads.incrementAndGet()));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, cache.get("k", k -> loads.incrementAndGet()));
    }

    @Test
    void cacheDropsTheLeastRecentlyUsedAndZeroAgeMeansNoCache() {
        TtlCache<String, Integer> cache = new TtlCache<>(new MutableClock(), Duration.ofSeconds(60), 2);
        AtomicInteger loads = new AtomicInteger();
        cache.get("a", k -> loads.incrementAndGet());
        cache.get("b", k -> loads.incrementAndGet());
        cache.get("a", k -> loads.incrementAndGet());
        cache.get("c", k -> loads.incrementAndGet());
        assertEquals(1, cache.get("a", k -> loads.incrementAndGet()));
        assertEquals(4, cache.get("b", k -> loads.incrementAndGet()));
        TtlCache<String, Integer> off = new TtlCache<>(new MutableClock(), Duration.ZERO, 2);
        off.get("a", k -> 1);
        assertEquals(2, off.get("a", k -> 2));
    }

    @Test
    void cacheAgeComesFromTheEnvironment() {
        assertEquals(Duration.ofSeconds(60), PinResponses.cacheAge(new Env(Map.of())));
        assertEquals(Duration.ofSeconds(2), PinResponses.cacheAge(new Env(Map.of("PINS_CACHE_SECONDS", "2"))));
        assertThrows(IllegalStateException.class, () -> PinResponses.cacheAge(new Env(Map.of("PINS_CACHE_SECONDS", "-1"))));
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
