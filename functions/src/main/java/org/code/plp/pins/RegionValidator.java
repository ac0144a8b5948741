package org.code.plp.pins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.code.plp.applications.ApplicationValidator;
import org.code.plp.http.FieldError;
import org.code.plp.platform.Timestamps;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionStatus;
import org.code.plp.validation.Validator;

/**
 * The rules for a region as staff send it (PUT body, a GeoJSON feature or a CSV row, all first
 * turned into the same JSON shape as a pin's properties plus {@code lat}/{@code lng}).
 * Returns the item to store or every field error at once. The item has no partner fields (staff never
 * edit those) and a null status when none was sent.
 */
public final class RegionValidator {
    public static final long MAX_COUNT = 100_000_000L;
    public static final int MAX_ZIP_PREFIXES = 100;
    static final Set<String> FIELDS = Set.of("regionId", "name", "city", "state", "lat", "lng", "status",
            "populationServed", "programsSought", "summary", "description", "zipPrefixes");
    static final List<String> POPULATION = List.of("districts", "schools", "teachers", "students");
    private static final Pattern ZIP_PREFIX = Pattern.compile("^\\d{3}$");

    public record Result(RegionItem region, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param pathRegionId the id from the URL, when there is one: the body may repeat it but not differ
     */
    public Result validate(ObjectNode input, String pathRegionId, Instant now) {
        Validator v = new Validator();
        v.onlyKnownFields(input, "", FIELDS);
        String regionId = v.slug(input, "", "regionId", pathRegionId == null);
        if (pathRegionId != null) {
            if (regionId != null && !regionId.equals(pathRegionId)) {
                v.error("regionId", "Must match the id in the address (" + pathRegionId + ").");
            }
            regionId = pathRegionId;
        }
        String city = v.line(input, "", "city", true, 100);
        String state = v.state(input, "", "state", true);
        String name = v.line(input, "", "name", false, 150);
        Double lat = v.number(input, "", "lat", true, -90, 90);
        Double lng = v.number(input, "", "lng", true, -180, 180);
        if (lat != null && lng != null && !UsBounds.contains(lat, lng)) {
            v.error("coordinates", "Must be inside the United States (contiguous states, Alaska, Hawaii or Puerto Rico); "
                    + "check that latitude and longitude are not swapped.");
        }
        String status = v.oneOf(input, "", "status", false, Set.copyOf(RegionStatus.wires()));
        Long[] population = population(v, input);
        List<String> programs = v.listOf(input, "", "programsSought", 1, ApplicationValidator.PROGRAMS.codes());
        String summary = v.line(input, "", "summary", false, 280);
        String description = v.paragraph(input, "", "description", false, 5000);
        List<String> zipPrefixes = zipPrefixes(v, input);
        if (v.hasErrors()) {
            return new Result(null, v.errors());
        }

        RegionItem region = new RegionItem();
        region.setRegionId(regionId);
        region.setCity(city);
        region.setState(state);
        region.setName(name != null ? name : city + ", " + state);
        region.setLat(lat);
        region.setLng(lng);
        // No status keeps the stored one (a new region seeks a partner): an edit or import without it reopens nothing.
        region.setStatus(status != null ? RegionStatus.fromWire(status).orElseThrow() : null);
        region.setDistricts(population[0]);
        region.setSchools(population[1]);
        region.setTeachers(population[2]);
        region.setStudents(population[3]);
        region.setProgramsSought(programs);
        region.setSummary(summary);
        region.setDescription(description);
        region.setZipPrefixes(zipPrefixes.isEmpty() ? null : zipPrefixes);
        region.setUpdatedAt(Timestamps.format(now));
        return new Result(region, List.of());
    }

    private static Long[] population(Validator v, ObjectNode input) {
        Long[] counts = new Long[POPULATION.size()];
        ObjectNode population = v.object(input, "", "populationServed", true);
        if (population != null) {
            v.onlyKnownFields(population, "populationServed", Set.copyOf(POPULATION));
            for (int i = 0; i < counts.length; i++) {
                counts[i] = v.count(population, "populationServed", POPULATION.get(i), true, MAX_COUNT);
            }
        }
        return counts;
    }

    private static List<String> zipPrefixes(Validator v, ObjectNode input) {
        JsonNode node = input.get("zipPrefixes");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_ZIP_PREFIXES) {
            v.error("zipPrefixes", "Must be a list of at most " + MAX_ZIP_PREFIXES + " three-digit ZIP prefixes.");
            return List.of();
        }
        Set<String> prefixes = new LinkedHashSet<>();
        List<FieldError> bad = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || !ZIP_PREFIX.matcher(item.textValue()).matches()) {
                bad.add(new FieldError("zipPrefixes[" + i + "]", "Must be the first three digits of a ZIP code."));
            } else {
                prefixes.add(item.textValue());
            }
        }
        bad.forEach(e -> v.error(e.field(), e.message()));
        return List.copyOf(prefixes);
    }
}
