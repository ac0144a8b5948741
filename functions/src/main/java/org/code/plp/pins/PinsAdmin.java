package org.code.plp.pins;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.platform.Timestamps;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;
import org.code.plp.validation.Validator;

/**
 * Staff edits of regions: create or edit one, close one, import many with a per-row report. Edits never
 * touch the partner an acceptance wrote, and never set a region with an accepted partner seeking again.
 */
public record PinsAdmin(RegionValidator validator, RegionRepository regions, Clock clock) {
    /** One row of an import's report: {@code line} only for CSV, {@code errors} only when rejected. */
    public record ImportRow(int row, @JsonInclude(JsonInclude.Include.NON_NULL) Integer line, String regionId, String result,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {
    }

    /** POST /admin/pins: the totals and each row's result. */
    public record ImportReport(boolean dryRun, int created, int updated, int rejected, List<ImportRow> rows) {
    }

    /** PUT /admin/pins/{regionId}: the body (the region's fields, or a GeoJSON Feature of them) as one row. */
    public RegionRepository.Edit put(String regionId, RegionRow body) {
        if (!Validator.isSlug(regionId)) {
            throw Problem.field(400, "validation", "Invalid request", "regionId",
                    "Must be lowercase letters, digits and dashes (e.g. new-orleans-la).");
        }
        RegionValidator.Result result = validator.validate(body.input(), regionId, now());
        List<FieldError> errors = new ArrayList<>(body.errors());
        errors.addAll(result.errors());
        if (!errors.isEmpty()) {
            throw Problem.validation(errors);
        }
        return regions.edit(result.region()).orElseThrow(() -> {
            RegionItem stored = regions.find(regionId).orElse(result.region());
            return new Problem(409, "region-has-partner", "Conflict", partnerStays(stored),
                    List.of(new FieldError("status", partnerStays(stored))));
        });
    }

    /**
     * Why a region with an accepted partner cannot seek one again, and what staff can do instead: an
     * acceptance is undone only within its hold (that frees the region); after it the partnership is final.
     */
    static String partnerStays(RegionItem region) {
        String partner = region.getPartnerName() == null || region.getPartnerName().isBlank() ? "application "
                + region.getPartnerApplicationId() : region.getPartnerName() + " (application " + region.getPartnerApplicationId() + ")";
        return "The region " + region.getRegionId() + " has an accepted partner, " + partner
                + ", so it cannot seek a partner again. Within the acceptance's hold, undo the acceptance in the console"
                + " (that frees the region); after the hold the partnership stands: keep the region partner_selected or close it.";
    }

    /** DELETE /admin/pins/{regionId}: the region stays (applications point at it) but leaves the map. */
    public RegionItem close(String regionId) {
        return (Validator.isSlug(regionId) ? regions.close(regionId, Timestamps.format(now())) : Optional.<RegionItem>empty())
                .orElseThrow(() -> Problem.notFound("There is no region '" + regionId + "'."));
    }

    /**
     * POST /admin/pins: validates every row, stores the good ones (unless {@code dryRun}) and reports
     * each row as created, updated or rejected with its field errors. A region listed twice keeps the
     * first row; the second is rejected.
     *
     * @param fieldName how a row's field is named to the user (CSV column or JSON path)
     */
    public ImportReport importRows(List<RegionRow> rows, boolean dryRun, UnaryOperator<String> fieldName) {
        Instant now = now();
        Map<String, RegionItem> existing = regions.listAll().stream()
                .collect(Collectors.toMap(RegionItem::getRegionId, Function.identity()));
        Map<String, Integer> firstRow = new HashMap<>();
        Map<Integer, RegionItem> accepted = new LinkedHashMap<>();
        List<ImportRow> report = new ArrayList<>();
        for (RegionRow row : rows) {
            List<FieldError> errors = new ArrayList<>(row.errors());
            RegionItem region = null;
            if (row.input() != null) {
                RegionValidator.Result result = validator.validate(row.input(), null, now);
                errors.addAll(result.errors());
                region = result.region();
            }
            if (region != null && errors.isEmpty()) {
                Integer first = firstRow.putIfAbsent(region.getRegionId(), row.row());
                if (first != null) {
                    errors.add(new FieldError("regionId", "Listed twice in this file; row " + first + " is used."));
                }
                RegionItem stored = existing.get(region.getRegionId());
                if (region.getStatus() == RegionStatus.SEEKING_PARTNER && stored != null && stored.getPartnerApplicationId() != null) {
                    errors.add(new FieldError("status", partnerStays(stored)));
                }
            }
            String regionId = region != null ? region.getRegionId() : row.regionIdAsSent();
            if (errors.isEmpty()) {
                accepted.put(report.size(), region);
                report.add(new ImportRow(row.row(), row.line(), regionId,
                        existing.containsKey(regionId) ? "updated" : "created", null));
            } else {
                report.add(rejected(row.row(), row.line(), regionId, errors, fieldName));
            }
        }
        if (!dryRun) {
            // One UpdateItem per row (a batch can only Put, which would drop the partner): a region that got its
            // partner since the check above is refused by the write's condition and reported like the check would.
            accepted.forEach((index, region) -> {
                if (regions.edit(region).isEmpty()) {
                    ImportRow row = report.get(index);
                    RegionItem stored = regions.find(region.getRegionId()).orElse(region);
                    report.set(index, rejected(row.row(), row.line(), row.regionId(),
                            List.of(new FieldError("status", partnerStays(stored))), fieldName));
                }
            });
        }
        return new ImportReport(dryRun, count(report, "created"), count(report, "updated"), count(report, "rejected"), report);
    }

    private static ImportRow rejected(int row, Integer line, String regionId, List<FieldError> errors, UnaryOperator<String> fieldName) {
        return new ImportRow(row, line, regionId, "rejected",
                errors.stream().map(e -> new FieldError(fieldName.apply(e.field()), e.message())).toList());
    }

    private static int count(List<ImportRow> report, String result) {
        return (int) report.stream().filter(row -> row.result().equals(result)).count();
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
