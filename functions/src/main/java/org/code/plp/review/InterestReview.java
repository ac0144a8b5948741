package org.code.plp.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.code.plp.counters.Counters;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.interest.InterestItem;
import org.code.plp.validation.Validator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Interest forms for staff: a page of forms (a Query on bySubmitted, byState or byRegion, newest
 * first) and the counts by state and by city kept by the intake, for deciding where to open pins.
 */
public class InterestReview {
    private final IndexPager pager;
    private final Counters counters;

    public InterestReview(IndexPager pager, Counters counters) {
        this.pager = pager;
        this.counters = counters;
    }

    /** {@code state}: a two-letter code or {@code none}; {@code region}: all, none or a region id. */
    public record Filter(String state, String region, int limit, String cursor) {
        public static Filter from(ApiRequest request) {
            List<FieldError> errors = new ArrayList<>();
            String state = request.query("state").map(s -> s.trim().toUpperCase(Locale.ROOT)).orElse(null);
            if (state != null && state.equalsIgnoreCase(InterestItem.NONE)) {
                state = InterestItem.NONE;
            } else if (state != null && !Validator.US_STATES.contains(state)) {
                errors.add(new FieldError("state", "Must be a two-letter US state code or none."));
            }
            String region = QueueFilter.region(request, errors);
            int limit = QueueFilter.limit(request, errors);
            if (!errors.isEmpty()) {
                throw Problem.validation(errors);
            }
            return new Filter(state, region, limit, request.query("cursor").orElse(null));
        }

        IndexPager.Selection selection() {
            boolean allRegions = QueueFilter.ALL_REGIONS.equals(region);
            if (state != null) {
                IndexPager.Filter inRegion = allRegions ? null : new IndexPager.Filter("regionKey = :region", Map.of(),
                        Map.of(":region", AttributeValue.fromS(region)));
                return new IndexPager.Selection(InterestItem.BY_STATE, "state", state, inRegion);
            }
            if (!allRegions) {
                return new IndexPager.Selection(InterestItem.BY_REGION, "regionKey", region, null);
            }
            return new IndexPager.Selection(InterestItem.BY_SUBMITTED, "kind", InterestItem.KIND, null);
        }

        Map<String, String> cursorFilters() {
            return Map.of("state", state == null ? "" : state, "region", region);
        }
    }

    public InterestView.Page list(Filter filter) {
        IndexPager.Listing page = pager.list(filter.selection(), filter.cursorFilters(), filter.limit(), filter.cursor());
        List<InterestView> items = page.items().stream().map(raw -> InterestView.of(InterestItem.SCHEMA.mapToItem(raw))).toList();
        return new InterestView.Page(items, page.nextCursor());
    }

    /** Counts by state and by city, most interest first. */
    public InterestView.Counts summary() {
        List<InterestView.StateCount> byState = new ArrayList<>();
        counters.read(Counters.INTEREST_BY_STATE).forEach((state, n) -> byState.add(new InterestView.StateCount(state, n)));
        List<InterestView.CityCount> byCity = new ArrayList<>();
        counters.readWithLabels(Counters.INTEREST_BY_CITY).forEach((key, counted) -> byCity.add(new InterestView.CityCount(
                counted.labels().getOrDefault("city", key.substring(key.indexOf('#') + 1)),
                counted.labels().getOrDefault("state", key.substring(0, Math.max(0, key.indexOf('#')))),
                counted.count())));
        byState.sort(Comparator.comparingLong(row -> -row.count()));
        byCity.sort(Comparator.comparingLong(row -> -row.count()));
        return new InterestView.Counts(byState, byCity);
    }

    /** The interest forms of {@code filter} as a CSV export, times in {@code zone}. */
    public CsvExporter.Export export(Filter filter, java.time.ZoneId zone) {
        Map<String, String> filters = new java.util.HashMap<>(filter.cursorFilters());
        filters.put("tz", zone.getId());
        String at = " (" + ApplicationExport.zoneName(zone) + ")";
        List<String> header = List.of("Interest ID", "Submitted" + at, "Name", "Email", "Organization", "Role", "City", "State",
                "ZIP", "Grade levels", "Willing to recruit districts", "Matched region ID", "Notes");
        return new CsvExporter.Export("interest", pager, filter.selection(), filters, header, page -> page.stream()
                .map(InterestItem.SCHEMA::mapToItem).map(item -> row(item, zone)).toList());
    }

    private static List<String> row(InterestItem item, java.time.ZoneId zone) {
        Boolean recruit = item.getWillingToRecruitDistricts();
        return java.util.Arrays.asList(item.getId(), ExportLabels.time(item.getSubmittedAt(), zone), nz(item.getName()),
                nz(item.getEmail()), nz(item.getOrganization()), ExportLabels.word(item.getRole()), nz(item.getCity()),
                InterestItem.NONE.equals(item.getState()) ? "" : nz(item.getState()),
                nz(item.getZip()), item.getGradeLevels() == null ? "" : String.join("; ", item.getGradeLevels()),
                recruit == null ? "" : recruit ? "yes" : "no", nz(item.getMatchedRegionId()), nz(item.getNotes()));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
