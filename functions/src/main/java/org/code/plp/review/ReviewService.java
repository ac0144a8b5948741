package org.code.plp.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.counters.Counters;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.platform.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The review workflow's reads: the queue (a GSI Query per page, counts from the counters), one
 * application with its log, notes and scores, and the CSV exports written page by page.
 */
public class ReviewService {
    /**
     * A Lambda response may be 6 MB, JSON envelope included, and a CSV body grows when escaped
     * into it (each CRLF and quote takes two more bytes). 4 MB of CSV keeps well inside.
     */
    public static final long MAX_CSV_BYTES = 4_000_000;

    private final ApplicationRepository applications;
    private final ApplicationLog log;
    private final ReviewerLog reviewers;
    private final CriteriaWeights weights;
    private final Duplicates duplicates;
    private final ApplicationExport exportRows;
    private final Counters counters;
    private final IndexPager pager;
    private final long maxCsvBytes;

    public ReviewService(ApplicationRepository applications, ApplicationLog log, ReviewerLog reviewers, CriteriaWeights weights,
                         Duplicates duplicates, Counters counters, IndexPager pager, long maxCsvBytes) {
        this.duplicates = duplicates;
        this.exportRows = new ApplicationExport(log, reviewers);
        this.applications = applications;
        this.log = log;
        this.reviewers = reviewers;
        this.weights = weights;
        this.counters = counters;
        this.pager = pager;
        this.maxCsvBytes = maxCsvBytes;
    }

    public Map<String, Object> list(QueueFilter filter) {
        if (filter.assignedTo() != null) {
            return assigned(filter);
        }
        IndexPager.Listing page = pager.list(filter.selection(), filter.cursorFilters(), filter.limit(), filter.cursor());
        return listing(page.items().stream().map(ApplicationItem.SCHEMA::mapToItem).toList(), filter, page.nextCursor());
    }

    /**
     * The reviewer's assignments, newest first: a Query of the assignment index, the applications
     * read by key, the other filters applied to them (a reviewer's assignments are few).
     */
    private Map<String, Object> assigned(QueueFilter filter) {
        ReviewerLog.AssignedPage page = reviewers.assignedTo(filter.assignedTo(), filter.limit(), filter.cursor());
        return listing(applications.findAll(page.applicationIds()).stream().filter(filter::admits).toList(), filter,
                page.nextCursor());
    }

    private Map<String, Object> listing(List<ApplicationItem> found, QueueFilter filter, String nextCursor) {
        Set<String> flagged = duplicates.flagged(found);
        List<Map<String, Object>> items = new ArrayList<>();
        for (ApplicationItem item : found) {
            Map<String, Object> summary = summary(item);
            summary.put("possibleDuplicate", flagged.contains(item.getId()));
            items.add(summary);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("counts", counts(filter.region()));
        body.put("nextCursor", nextCursor);
        return body;
    }

    /** Per-status counts of all applications or of one region key: one small Query, never a count of items. */
    public Map<String, Long> counts(String region) {
        String scope = QueueFilter.ALL_REGIONS.equals(region) ? Counters.APPLICATIONS_ALL : Counters.applicationsInRegion(region);
        Map<String, Long> stored = counters.read(scope);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : ApplicationStatus.ALL) {
            counts.put(status, Math.max(0, stored.getOrDefault(status, 0L)));
        }
        return counts;
    }

    /** One application as {@code staff} sees it: their own scores under {@code scores}, everyone's under {@code reviews}. */
    public Map<String, Object> detail(String id, StaffIdentity staff) {
        ApplicationItem item = applications.find(id)
                .orElseThrow(() -> Problem.notFound("There is no application '" + id + "'."));
        // One Query of the application's log partition serves the status log, the notes and the reviewers' entries.
        List<Map<String, AttributeValue>> logItems = log.items(id);
        ApplicationLog.Entries entries = ApplicationLog.parse(logItems);
        Map<String, Object> body = summary(item);
        body.put("application", Json.read(item.getPayload()));
        List<Map<String, Object>> statusLog = new ArrayList<>();
        for (ApplicationLog.StatusEntry entry : entries.statusLog()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", entry.status());
            e.put("by", entry.by());
            e.put("at", entry.at());
            e.put("version", entry.version());
            if (entry.note() != null) {
                e.put("note", entry.note());
            }
            statusLog.add(e);
        }
        body.put("statusLog", statusLog);
        body.put("notes", entries.notes());
        ReviewerLog.Entries work = ReviewerLog.parse(logItems);
        ReviewerLog.ScoreSheet mine = work.sheetOf(staff.subject());
        body.put("scores", ReviewCriteria.complete(mine == null ? Map.of() : mine.answers()));
        body.put("reviews", work.sheets().stream().sorted(java.util.Comparator.comparing(ReviewerLog.ScoreSheet::at))
                .map(sheet -> Map.of("reviewer", sheet.reviewer(), "at", sheet.at(),
                        "scores", ReviewCriteria.complete(sheet.answers()))).toList());
        body.put("totals", ScoreService.totalsView(item.getScoreYes(), item.getScoreAnswered(), weights));
        body.put("assignees", work.assignments());
        body.put("recusals", work.recusals());
        body.put("recused", work.recused(staff.subject()));
        List<Map<String, Object>> others = duplicates.others(item);
        body.put("possibleDuplicate", !others.isEmpty() && item.getDuplicateDismissedAt() == null);
        body.put("duplicates", others);
        if (item.getDuplicateDismissedAt() != null) {
            body.put("duplicateDismissed", Map.of("by", item.getDuplicateDismissedBy(), "at", item.getDuplicateDismissedAt()));
        }
        body.put("criteria", ReviewCriteria.ALL);
        body.put("allowedTransitions", ApplicationStatus.allowedFrom(item.getStatus()));
        return body;
    }

    static Map<String, Object> summary(ApplicationItem item) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", item.getId());
        s.put("status", item.getStatus());
        s.put("version", item.getVersion());
        s.put("regionId", item.getRegionId());
        s.put("regionName", item.getRegionName());
        s.put("organizationName", item.getOrganizationName());
        s.put("organizationType", item.getOrganizationType());
        s.put("state", item.getState());
        s.put("contactName", item.getContactName());
        s.put("contactEmail", item.getContactEmail());
        s.put("submittedAt", item.getSubmittedAt());
        s.put("updatedAt", item.getUpdatedAt());
        s.put("overallScore", ScoreTotals.percent(item.getOverallScore()));
        s.put("reviewerCount", item.getReviewerCount() == null ? 0L : item.getReviewerCount());
        return s;
    }

    // ---------------------------------------------------------------- CSV

    /** The applications or cohort export of {@code filter}, its times in {@code zone}. */
    public CsvExporter.Export export(String name, QueueFilter filter, ZoneId zone) {
        Map<String, String> filters = new HashMap<>(filter.cursorFilters());
        filters.put("tz", zone.getId());
        return new CsvExporter.Export(name, pager, filter.selection(), filters, ApplicationExport.header(zone),
                page -> exportRows.rows(page, zone));
    }

    /**
     * The reviewer's assigned applications passing {@code filter} as one CSV part (a reviewer's
     * assignments are few; past the cap it is a 413 asking for narrower filters).
     */
    public Csv assignedCsv(QueueFilter filter, ZoneId zone) {
        List<ApplicationItem> found = new ArrayList<>();
        String cursor = null;
        do {
            ReviewerLog.AssignedPage page = reviewers.assignedTo(filter.assignedTo(), QueueFilter.MAX_LIMIT, cursor);
            applications.findAll(page.applicationIds()).stream().filter(filter::admits).forEach(found::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        Csv csv = CsvExporter.withHeader(maxCsvBytes, ApplicationExport.header(zone));
        try {
            exportRows.rows(found.stream().map(item -> ApplicationItem.SCHEMA.itemToMap(item, true)).toList(), zone).forEach(csv::row);
        } catch (Csv.TooLarge full) {
            throw new Problem(413, "export-too-large", "Export too large", "Your assigned applications make a CSV over "
                    + full.maxBytes() + " bytes; filter them by status or region.", List.of());
        }
        return csv;
    }
}
