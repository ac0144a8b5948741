package org.code.plp.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.platform.Fold;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The review queue's filters, read from the query string: {@code status} (one status or all),
 * {@code region} ({@code all}, {@code none} or a region id), {@code q} (text search on organization
 * and contact), {@code limit} (1-100), {@code cursor}, {@code sort} ({@code submitted}, newest first, or
 * {@code score}, highest overall score first) and {@code assigned=me} (the signed-in reviewer's
 * assignments; {@code assignedTo} holds their email). Picks the GSI that serves them.
 */
public record QueueFilter(ApplicationStatus status, String region, String q, int limit, String cursor, String sort, String assignedTo) {
    public static final String SORT_SUBMITTED = "submitted";
    public static final String SORT_SCORE = "score";
    public static final String ALL_REGIONS = "all";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    private static final Pattern REGION_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final int MAX_Q = 100;

    public QueueFilter(ApplicationStatus status, String region, String q, int limit, String cursor) {
        this(status, region, q, limit, cursor, SORT_SUBMITTED, null);
    }

    public static QueueFilter from(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String wire = request.query("status").map(String::trim).orElse(null);
        ApplicationStatus status = wire == null ? null : ApplicationStatus.fromWire(wire).orElse(null);
        if (wire != null && status == null) {
            errors.add(new FieldError("status", "Must be one of " + String.join(", ", ApplicationStatus.wires()) + "."));
        }
        String region = region(request, errors);
        String q = request.query("q").map(s -> Fold.text(s).strip()).filter(s -> !s.isEmpty()).orElse(null);
        if (q != null && q.length() > MAX_Q) {
            errors.add(new FieldError("q", "At most " + MAX_Q + " characters."));
        }
        int limit = limit(request, errors);
        String sort = request.query("sort").map(String::trim).orElse(SORT_SUBMITTED);
        if (!sort.equals(SORT_SUBMITTED) && !sort.equals(SORT_SCORE)) {
            errors.add(new FieldError("sort", "Must be submitted or score."));
        }
        String assigned = request.query("assigned").map(String::trim).orElse(null);
        String assignedTo = null;
        if (assigned != null && !assigned.equals("me")) {
            errors.add(new FieldError("assigned", "Must be me."));
        } else if (assigned != null) {
            assignedTo = request.staff().map(StaffIdentity::email).filter(e -> !e.isBlank()).orElse(null);
            if (assignedTo == null) {
                errors.add(new FieldError("assigned", "Your sign-in has no email to match assignments by."));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.validation(errors);
        }
        return new QueueFilter(status, region, q, limit, request.query("cursor").orElse(null), sort, assignedTo);
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

    /** The Query that serves these filters, newest (or highest score) first; q filters within it. */
    public IndexPager.Selection selection() {
        IndexPager.Filter filter = q == null ? null : new IndexPager.Filter("contains(#search, :q)",
                Map.of("#search", "search"), Map.of(":q", AttributeValue.fromS(q)));
        boolean byScore = SORT_SCORE.equals(sort);
        String sortKey = byScore ? "scoreKey" : "submittedAt";
        boolean allRegions = ALL_REGIONS.equals(region);
        if (status == null && allRegions) {
            return new IndexPager.Selection(byScore ? ApplicationItem.BY_SCORE : ApplicationItem.BY_SUBMITTED, "kind",
                    ApplicationItem.KIND, filter, sortKey);
        }
        if (status == null) {
            return new IndexPager.Selection(byScore ? ApplicationItem.BY_REGION_SCORE : ApplicationItem.BY_REGION, "regionKey",
                    region, filter, sortKey);
        }
        if (allRegions) {
            return new IndexPager.Selection(byScore ? ApplicationItem.BY_STATUS_SCORE : ApplicationItem.BY_STATUS, "status",
                    status.wire(), filter, sortKey);
        }
        return new IndexPager.Selection(byScore ? ApplicationItem.BY_REGION_STATUS_SCORE : ApplicationItem.BY_REGION_STATUS,
                "regionStatus", ApplicationItem.regionStatusKey(region, status), filter, sortKey);
    }

    /** What a cursor must have been made for. */
    public Map<String, String> cursorFilters() {
        return Map.of("status", status == null ? "" : status.wire(), "region", region, "q", q == null ? "" : q, "sort", sort,
                "assigned", assignedTo == null ? "" : assignedTo);
    }

    /** Whether an application read by key (an assignment) passes the other filters. */
    public boolean admits(ApplicationItem item) {
        return (status == null || status == item.getStatus())
                && (ALL_REGIONS.equals(region) || region.equals(item.getRegionKey()))
                && (q == null || (item.getSearch() != null && item.getSearch().contains(q)));
    }
}
