package org.code.plp.pins;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.platform.Timestamps;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.validation.Validator;

/** Staff edits of regions: create or replace one, close one, import many with a per-row report. */
public class PinsAdmin {
    /** Whether a PUT made the region or replaced it, and what is stored now. */
    public record Saved(boolean created, RegionItem region) {
    }

    private final RegionValidator validator;
    private final RegionRepository regions;
    private final Clock clock;

    public PinsAdmin(RegionValidator validator, RegionRepository regions, Clock clock) {
        this.validator = validator;
        this.regions = regions;
        this.clock = clock;
    }

    /** One row of an import's report: {@code line} only for CSV, {@code errors} only when rejected. */
    public record ImportRow(int row, @JsonInclude(JsonInclude.Include.NON_NULL) Integer line, String regionId, String result,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {
    }

    /** POST /admin/pins: the totals and each row's result. */
    public record ImportReport(boolean dryRun, int created, int updated, int rejected, List<ImportRow> rows) {
    }

    /** PUT /admin/pins/{regionId}: the body (the region's fields, or a GeoJSON Feature of them) as one row. */
    public Saved put(String regionId, RegionRow body) {
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
        boolean existed = regions.replace(result.region());
        return new Saved(!existed, result.region());
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
        Set<String> existing = regions.listAll().stream().map(RegionItem::getRegionId).collect(Collectors.toSet());
        Map<String, Integer> firstRow = new HashMap<>();
        List<RegionItem> accepted = new ArrayList<>();
        List<ImportRow> report = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int rejected = 0;
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
            }
            String regionId = region != null ? region.getRegionId() : row.regionIdAsSent();
            if (errors.isEmpty()) {
                boolean isNew = !existing.contains(region.getRegionId());
                report.add(new ImportRow(row.row(), row.line(), regionId, isNew ? "created" : "updated", null));
                if (isNew) {
                    created++;
                } else {
                    updated++;
                }
                accepted.add(region);
            } else {
                rejected++;
                report.add(new ImportRow(row.row(), row.line(), regionId, "rejected",
                        errors.stream().map(e -> new FieldError(fieldName.apply(e.field()), e.message())).toList()));
            }
        }
        if (!dryRun) {
            regions.replaceAll(accepted);
        }
        return new ImportReport(dryRun, created, updated, rejected, report);
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
