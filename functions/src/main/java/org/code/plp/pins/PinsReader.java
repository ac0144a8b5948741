package org.code.plp.pins;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.counters.Counters;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;
import org.code.plp.validation.Validator;

/**
 * The public map's reads. Regions come from one Query of the byKind index (never a Scan) and
 * are kept in memory for the cache age; each filter's GeoJSON and ETag are rendered once per
 * loaded snapshot, so a warm function answers a repeated read without DynamoDB or re-rendering.
 *
 * <p>Without {@code status} the list holds every region that is not closed: the map shows where a
 * partner is sought and, marked differently, where one was chosen; closed regions leave the map
 * (still listed by {@code ?status=closed}).
 */
public class PinsReader {
    public static final Set<RegionStatus> DEFAULT_STATUSES = Set.of(RegionStatus.SEEKING_PARTNER, RegionStatus.PARTNER_SELECTED);

    /** A rendered answer: its body and the strong ETag of those bytes. */
    public record Representation(String body, String etag) {
        static Representation of(Object json) {
            String body = Json.write(json);
            return new Representation(body, ETags.of(body));
        }
    }

    private record Snapshot(List<RegionItem> regions, Map<String, Representation> rendered) {
    }

    private final RegionRepository regions;
    private final Counters counters;
    private final TtlCache<String, Snapshot> list;
    private final TtlCache<String, Optional<Representation>> pins;

    public PinsReader(RegionRepository regions, Counters counters, Clock clock, Duration maxAge) {
        this.regions = regions;
        this.counters = counters;
        this.list = new TtlCache<>(clock, maxAge, 1);
        this.pins = new TtlCache<>(clock, maxAge, 1000);
    }

    /** The reader a pin function builds at init: its cache age from {@code PINS_CACHE_SECONDS}. */
    public static PinsReader from(Platform platform) {
        return new PinsReader(new RegionRepository(platform), new Counters(platform), platform.clock(),
                PinResponses.cacheAge(platform.env()));
    }

    /** GET /pins: 400 naming the parameter when a filter is not a known value. */
    public Representation list(Optional<String> status, Optional<String> state) {
        Set<RegionStatus> statuses = status.map(PinsReader::status).orElse(DEFAULT_STATUSES);
        Optional<String> stateCode = state.map(PinsReader::state);
        Snapshot snapshot = list.get("regions", key -> new Snapshot(regions.listAll(), new ConcurrentHashMap<>()));
        String filter = status.orElse("") + "|" + stateCode.orElse("");
        return snapshot.rendered().computeIfAbsent(filter, key -> Representation.of(PinFeatures.collection(
                snapshot.regions().stream()
                        .filter(r -> statuses.contains(r.getStatus()))
                        .filter(r -> stateCode.map(s -> s.equals(r.getState())).orElse(true))
                        .toList())));
    }

    /** GET /pins/{regionId}: the pin with its description and open-application count, if it exists. */
    public Optional<Representation> get(String regionId) {
        if (!Validator.isSlug(regionId)) {
            return Optional.empty();
        }
        return pins.get(regionId, id -> regions.find(id)
                .map(region -> Representation.of(PinFeatures.detail(region, openApplications(id)))));
    }

    private long openApplications(String regionId) {
        long open = counters.read(Counters.applicationsInRegion(regionId)).entrySet().stream()
                .filter(e -> ApplicationStatus.fromWire(e.getKey()).map(s -> !s.isFinal()).orElse(true))
                .mapToLong(Map.Entry::getValue)
                .sum();
        return Math.max(0, open);
    }

    private static Set<RegionStatus> status(String value) {
        return Set.of(RegionStatus.fromWire(value).orElseThrow(() -> Problem.validation(List.of(new FieldError("status",
                "Must be one of " + String.join(", ", RegionStatus.wires().stream().sorted().toList()) + ".")))));
    }

    private static String state(String value) {
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!Validator.US_STATES.contains(code)) {
            throw Problem.validation(List.of(new FieldError("state", "Must be a US state or DC, as a two-letter code.")));
        }
        return code;
    }
}
