package org.code.plp.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.counters.Counters;
import org.code.plp.http.Problem;
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
    private static final int CSV_PAGE = 500;

    private final ApplicationRepository applications;
    private final ApplicationLog log;
    private final Counters counters;
    private final IndexPager pager;
    private final long maxCsvBytes;
    private final RegionRepository regions;
    private final Clock clock;

    public ReviewService(ApplicationRepository applications, ApplicationLog log, Counters counters, IndexPager pager,
                         long maxCsvBytes, RegionRepository regions, Clock clock) {
        this.regions = regions;
        this.clock = clock;
        this.applications = applications;
        this.log = log;
        this.counters = counters;
        this.pager = pager;
        this.maxCsvBytes = maxCsvBytes;
    }

    public QueuePage list(QueueFilter filter) {
        IndexPager.Listing page = pager.list(filter.selection(), filter.cursorFilters(), filter.limit(), filter.cursor());
        List<ApplicationItem> found = page.items().stream().map(ApplicationItem.SCHEMA::mapToItem).toList();
        Map<String, RegionItem> byId = regions.findAll(found.stream().map(ApplicationItem::getRegionId).filter(Objects::nonNull).toList());
        List<ApplicationSummary> items = found.stream()
                .map(item -> ApplicationSummary.of(item, regionFilled(item, byId.get(item.getRegionId())))).toList();
        return new QueuePage(items, counts(filter.region()), page.nextCursor());
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

    public ApplicationDetail detail(String id) {
        ApplicationItem item = applications.find(id)
                .orElseThrow(() -> Problem.notFound("There is no application '" + id + "'."));
        ApplicationLog.Entries entries = log.read(id);
        RegionItem region = item.getRegionId() == null ? null : regions.find(item.getRegionId()).orElse(null);
        String partner = region == null || region.getPartnerApplicationId() == null || region.getPartnerApplicationId().equals(id)
                ? null : region.getPartnerName();
        return new ApplicationDetail(ApplicationSummary.of(item, regionFilled(item, region)), item.form(), entries.statusLog(),
                entries.notes(), ReviewCriteria.complete(item.getScores()), ReviewCriteria.ALL, item.getStatus().allowedNext(),
                partner, Boolean.TRUE.equals(item.getCoPartner()) ? Boolean.TRUE : null, held(item));
    }

    /** An open application whose region already has its partner: the queue and detail mark it "region filled". */
    static boolean regionFilled(ApplicationItem item, RegionItem region) {
        return region != null && region.getStatus() == RegionStatus.PARTNER_SELECTED && !item.getStatus().isFinal();
    }

    /** The last decision, while it can still be undone. */
    private ApplicationDetail.Held held(ApplicationItem item) {
        if (item.getHeldUntil() == null || item.getHeldFrom() == null || !Instant.parse(item.getHeldUntil()).isAfter(clock.instant())) {
            return null;
        }
        return new ApplicationDetail.Held(item.getHeldUntil(), item.getHeldFrom(),
                item.getHeldEmailId() == null ? null : item.getContactEmail());
    }

    // ---------------------------------------------------------------- CSV

    static final List<String> CSV_COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("id", "status", "submittedAt", "updatedAt", "regionId", "regionName",
                "organizationName", "organizationType", "organizationWebsite", "organizationPhone", "street", "city", "state",
                "zip", "contactName", "contactTitle", "contactEmail", "contactPhone", "programs", "facilitators",
                "jointPartner", "districtRelationships", "pdExperience", "fundingPlan"));
        ReviewCriteria.ALL.forEach(criterion -> columns.add("score." + criterion));
        CSV_COLUMNS = List.copyOf(columns);
    }

    /**
     * The whole of {@code export}'s CSV (q is not an export filter), read page by page into a bounded
     * buffer: the first part, when it is the only one; else a 413 that says how to ask for parts.
     */
    public Csv csv(String export, QueueFilter filter) {
        CsvPart whole = csvPart(export, filter, null);
        if (whole.nextCursor() != null) {
            throw new Problem(413, "export-too-large", "Export too large",
                    "The export would be larger than " + megabytes(maxCsvBytes) + " (" + whole.dataRows()
                            + " rows fit). Add parts=true to get it in parts: each answer is a CSV of whole rows"
                            + " (the header only in the first) with an X-Next-Cursor header while rows remain;"
                            + " send that as cursor=... for the next part. Or filter by status or region.", List.of());
        }
        return whole.csv();
    }

    /** One part of a CSV export: whole rows, the header only in part 1, and the cursor of the next part. */
    public record CsvPart(Csv csv, int part, int dataRows, String nextCursor) {
    }

    /**
     * The part of {@code export}'s CSV after {@code cursor} (null for part 1): rows up to the size cap,
     * broken only between rows. The cursor carries the export, its filters and the next part's number,
     * and is the key of the last row written, so no row is lost or repeated between parts.
     */
    public CsvPart csvPart(String export, QueueFilter filter, String cursor) {
        IndexPager.Selection selection = filter.selection();
        int part = cursor == null ? 1 : partNumber(cursor);
        Map<String, AttributeValue> start = cursor == null ? null
                : pager.start(selection, partFilters(export, filter, part), cursor);
        Csv csv = new Csv(maxCsvBytes);
        int header = 0;
        if (part == 1) {
            csv.row(CSV_COLUMNS);
            header = 1;
        }
        Map<String, AttributeValue> lastWritten = start;
        do {
            IndexPager.Page page = pager.page(selection, CSV_PAGE, start);
            for (Map<String, AttributeValue> raw : page.items()) {
                try {
                    csv.row(csvRow(ApplicationItem.SCHEMA.mapToItem(raw)));
                } catch (Csv.TooLarge full) {
                    if (csv.rows() == header) {
                        throw new Problem(413, "row-too-large", "Row too large", "One application's row is larger than a part ("
                                + full.maxBytes() + " bytes); raise CSV_PART_BYTES.", List.of());
                    }
                    String next = PageCursor.encode(partFilters(export, filter, part + 1), lastWritten);
                    return new CsvPart(csv, part, csv.rows() - header, next);
                }
                lastWritten = pager.keyOf(raw, selection);
            }
            start = page.lastKey();
        } while (start != null);
        return new CsvPart(csv, part, csv.rows() - header, null);
    }

    private static int partNumber(String cursor) {
        String raw = PageCursor.filterIn(cursor, "part");
        try {
            int part = Integer.parseInt(raw);
            if (part >= 2) {
                return part;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw PageCursor.notOurs();
    }

    private static Map<String, String> partFilters(String export, QueueFilter filter, int part) {
        Map<String, String> filters = new HashMap<>(filter.cursorFilters());
        filters.put("export", export);
        filters.put("part", Integer.toString(part));
        return filters;
    }

    private static String megabytes(long bytes) {
        return bytes >= 1_000_000 ? bytes / 1_000_000 + " MB" : bytes + " bytes";
    }

    static List<String> csvRow(ApplicationItem item) {
        ApplicationForm form = item.form();
        ApplicationForm.Organization org = form.organization();
        ApplicationForm.Address address = org.address();
        ApplicationForm.ProgramManager manager = form.programManager();
        List<String> row = new ArrayList<>(List.of(
                item.getId(), item.getStatus().wire(), item.getSubmittedAt(), nz(item.getUpdatedAt()), nz(item.getRegionId()),
                nz(item.getRegionName()), nz(item.getOrganizationName()), nz(item.getOrganizationType()),
                nz(org.website()), nz(org.phone()), nz(address.street()), nz(address.city()),
                nz(address.state()), nz(address.zip()), nz(item.getContactName()), nz(manager.title()),
                nz(item.getContactEmail()), nz(manager.phone()), String.join("; ", form.programs()), nz(form.facilitators()),
                form.jointApplication() == null ? "" : nz(form.jointApplication().partnerName()),
                nz(form.districtRelationships()), nz(form.pdExperience()), nz(form.fundingPlan())));
        Map<String, String> scores = ReviewCriteria.complete(item.getScores());
        for (String criterion : ReviewCriteria.ALL) {
            row.add(nz(scores.get(criterion)));
        }
        return row;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
