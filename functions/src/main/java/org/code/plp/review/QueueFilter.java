package org.code.plp.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The review queue's filters, read from the query string: {@code status} (one status or all),
 * {@code region} ({@code all}, {@code none} or a region id), {@code q} (text search on organization
 * and contact), {@code limit} (1-100) and {@code cursor}. Picks the GSI that serves them.
 */
public record QueueFilter(ApplicationStatus status, String region, String q, int limit, String cursor) {
    public static final String ALL_REGIONS = "all";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    private static final Pattern REGION_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final int MAX_Q = 100;

    public static QueueFilter from(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String wire = request.query("status").map(String::trim).orElse(null);
        ApplicationStatus status = wire == null ? null : ApplicationStatus.fromWire(wire).orElse(null);
        if (wire != null && status == null) {
            errors.add(new FieldError("status", "Must be one of " + String.join(", ", ApplicationStatus.wires()) + "."));
        }
        String region = region(request, errors);
        String q = request.query("q").map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).orElse(null);
        if (q != null && q.length() > MAX_Q) {
            errors.add(new FieldError("q", "At most " + MAX_Q + " characters."));
        }
        int limit = limit(request, errors);
        if (!errors.isEmpty()) {
            throw Problem.validation(errors);
        }
        return new QueueFilter(status, region, q, limit, request.query("cursor").orElse(null));
    }

    /** The {@code region} filter of every staff list: all (default), none or a region id. */
    public static String region(ApiRequest request, List<FieldError> errors) {
        String region = request.query("region").map(String::trim).orElse(ALL_REGIONS);
        if (!REGION_ID.matcher(region).matches()) {
            errors.add(new FieldError("region", "Must be all, none or a region id."));
        }
        return region;
    }

    /** The page size: 1-100, default 50; shared by every staff list. */
    public static int limit(ApiRequest request, List<FieldError> errors) {
        String raw = request.query("limit").map(String::trim).orElse(null);
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError("limit", "Must be a whole number from 1 to " + MAX_LIMIT + "."));
        return DEFAULT_LIMIT;
    }

    /** The Query that serves these filters, newest first; q filters within it. */
    public IndexPager.Selection selection() {
        IndexPager.Filter filter = q == null ? null : new IndexPager.Filter("contains(#search, :q)",
                Map.of("#search", "search"), Map.of(":q", AttributeValue.fromS(q)));
        boolean allRegions = ALL_REGIONS.equals(region);
        if (status == null && allRegions) {
            return new IndexPager.Selection(ApplicationItem.BY_SUBMITTED, "kind", ApplicationItem.KIND, filter);
        }
        if (status == null) {
            return new IndexPager.Selection(ApplicationItem.BY_REGION, "regionKey", region, filter);
        }
        if (allRegions) {
            return new IndexPager.Selection(ApplicationItem.BY_STATUS, "status", status.wire(), filter);
        }
        return new IndexPager.Selection(ApplicationItem.BY_REGION_STATUS, "regionStatus",
                ApplicationItem.regionStatusKey(region, status), filter);
    }

    /** What a cursor must have been made for. */
    public Map<String, String> cursorFilters() {
        return Map.of("status", status == null ? "" : status.wire(), "region", region, "q", q == null ? "" : q);
    }
}
