package org.code.plp.review;

import java.time.ZoneId;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.counters.Counters;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;
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
    static final int MAX_ASSIGNED_BY_SCORE = 1000;

    private final ApplicationRepository applications;
    private final ApplicationLog log;
    private final ReviewerLog reviewers;
    private final CriteriaWeights weights;
    private final Duplicates duplicates;
    private final ApplicationExport exportRows;
    private final Counters counters;
    private final IndexPager pager;
    private final long maxCsvBytes;
    private final RegionRepository regions;
    private final Clock clock;

    public ReviewService(ApplicationRepository applications, ApplicationLog log, ReviewerLog reviewers, CriteriaWeights weights,
                         Duplicates duplicates, Counters counters, IndexPager pager, long maxCsvBytes,
                         RegionRepository regions, Clock clock) {
        this.duplicates = duplicates;
        this.exportRows = new ApplicationExport(log, reviewers);
        this.regions = regions;
        this.clock = clock;
        this.applications = applications;
        this.log = log;
        this.reviewers = reviewers;
        this.weights = weights;
        this.counters = counters;
        this.pager = pager;
        this.maxCsvBytes = maxCsvBytes;
    }

    public QueuePage list(QueueFilter filter) {
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
    private QueuePage assigned(QueueFilter filter) {
        if (QueueFilter.SORT_SCORE.equals(filter.sort())) {
            return assignedByScore(filter);
        }
        ReviewerLog.AssignedPage page = reviewers.assignedTo(filter.assignedTo(), filter.limit(), filter.cursor());
        return listing(applications.findAll(page.applicationIds()).stream().filter(filter::admits).toList(), filter,
                page.nextCursor());
    }

    /**
     * The reviewer's assignments by overall score, as sort=score orders the queue: the score indexes hold
     * every application, not one reviewer's, so all their assignments (a few; at most
     * {@value #MAX_ASSIGNED_BY_SCORE}) are read by key, ordered, and paged by position.
     */
    private QueuePage assignedByScore(QueueFilter filter) {
        String assignee = ReviewerLog.normalEmail(filter.assignedTo());
        int from = 0;
        if (filter.cursor() != null) {
            String position = PageCursor.decode(filter.cursor(), filter.cursorFilters(), Set.of("assignee", "position"), "assignee",
                    assignee).get("position").s();
            try {
                from = Integer.parseInt(position);
            } catch (NumberFormatException e) {
                throw PageCursor.invalid("Not a cursor of this list; start again without it.");
            }
        }
        List<ApplicationItem> ordered = allAssigned(filter, MAX_ASSIGNED_BY_SCORE);
        int start = Math.min(Math.max(from, 0), ordered.size());
        int end = Math.min(ordered.size(), start + filter.limit());
        String next = end < ordered.size() ? PageCursor.encode(filter.cursorFilters(),
                Map.of("assignee", AttributeValue.fromS(assignee), "position", AttributeValue.fromS(Integer.toString(end)))) : null;
        return listing(ordered.subList(start, end), filter, next);
    }

    /** The reviewer's assigned applications the filter admits: newest assignment first, or as sort=score orders the queue. */
    private List<ApplicationItem> allAssigned(QueueFilter filter, int max) {
        var admitted = applications.findAll(reviewers.allAssignedTo(filter.assignedTo(), max)).stream().filter(filter::admits);
        return (QueueFilter.SORT_SCORE.equals(filter.sort()) ? admitted.sorted(Comparator.comparing(ApplicationItem::getScoreKey,
                Comparator.nullsLast(Comparator.<String>reverseOrder())).thenComparing(ApplicationItem::getId)) : admitted).toList();
    }

    private QueuePage listing(List<ApplicationItem> found, QueueFilter filter, String nextCursor) {
        Set<String> flagged = duplicates.flagged(found);
        Map<String, RegionItem> byId = regions.findAll(found.stream().map(ApplicationItem::getRegionId).filter(Objects::nonNull).toList());
        List<ApplicationSummary> items = found.stream().map(item -> ApplicationSummary.of(item, flagged.contains(item.getId()),
                regionFilled(item, byId.get(item.getRegionId())))).toList();
        return new QueuePage(items, counts(filter.region()), nextCursor);
    }

    /** Per-status counts of all applications or of one region key: one small Query, never a count of items. */
    public Map<String, Long> counts(String region) {
        String scope = QueueFilter.ALL_REGIONS.equals(region) ? Counters.APPLICATIONS_ALL : Counters.applicationsInRegion(region);
        Map<String, Long> stored = counters.read(scope);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : ApplicationStatus.wires()) {
            counts.put(status, Math.max(0, stored.getOrDefault(status, 0L)));
        }
        return counts;
    }

    /** One application as {@code staff} sees it: their own scores under {@code scores}, everyone's under {@code reviews}. */
    public ApplicationDetail detail(String id, StaffIdentity staff) {
        ApplicationItem item = applications.find(id)
                .orElseThrow(() -> Problem.notFound("There is no application '" + id + "'."));
        // One Query of the application's log partition serves the status log, the notes and the reviewers' entries.
        List<Map<String, AttributeValue>> logItems = log.items(id);
        ApplicationLog.Entries entries = ApplicationLog.parse(logItems);
        ReviewerLog.Entries work = ReviewerLog.parse(logItems);
        ReviewerLog.ScoreSheet mine = work.sheetOf(staff.subject());
        List<ApplicationDetail.Review> reviews = work.sheets().stream()
                .sorted(Comparator.comparing(ReviewerLog.ScoreSheet::at))
                .map(sheet -> new ApplicationDetail.Review(sheet.reviewer(), sheet.at(), ReviewCriteria.complete(sheet.answers())))
                .toList();
        List<Duplicates.Other> others = duplicates.others(item);
        boolean dismissed = item.getDuplicateDismissedAt() != null;
        RegionItem region = item.getRegionId() == null ? null : regions.find(item.getRegionId()).orElse(null);
        String partner = region == null || region.getPartnerApplicationId() == null || region.getPartnerApplicationId().equals(id)
                ? null : region.getPartnerName();
        return new ApplicationDetail(ApplicationSummary.of(item, !others.isEmpty() && !dismissed, regionFilled(item, region)), item.form(),
                entries.statusLog(), entries.notes(), ReviewCriteria.complete(mine == null ? Map.of() : mine.answers()), reviews,
                ScoreService.totalsView(item.getScoreYes(), item.getScoreAnswered(), weights), work.assignments(),
                work.recusals(), work.recused(staff.subject()), others,
                dismissed ? new ApplicationDetail.Dismissal(item.getDuplicateDismissedBy(), item.getDuplicateDismissedAt()) : null,
                ReviewCriteria.ALL, item.getStatus().allowedNext(),
                partner, Boolean.TRUE.equals(item.getCoPartner()) ? Boolean.TRUE : null, held(item),
                item.getErasedAt());
    }

    /** An open application whose region already has its partner: the queue and detail mark it "region filled". */
    static boolean regionFilled(ApplicationItem item, RegionItem region) {
        return region != null && region.getStatus() == RegionStatus.PARTNER_SELECTED && !item.getStatus().isFinal();
    }

    /** The last decision, while it can still be undone. */
    private ApplicationDetail.Held held(ApplicationItem item) {
        if (!item.heldAt(clock.instant())) {
            return null;
        }
        return new ApplicationDetail.Held(item.getHeldUntil(), item.getHeldFrom(),
                item.getHeldEmailId() == null ? null : item.getContactEmail());
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
        List<ApplicationItem> found = allAssigned(filter, Integer.MAX_VALUE);
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
