package org.code.plp.review;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.counters.Counters;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.platform.Platform;

/**
 * Staff reads: GET /admin/applications (queue), /admin/applications/{id} (detail),
 * /admin/applications.csv, /admin/cohort.csv and /admin/interest.csv (exports), /admin/interest and
 * /admin/interest/summary. Every route needs the reviewers group (admins count).
 */
public final class ReviewApplicationsHandler extends ApiHandler {
    public static final String CSV = "text/csv; charset=utf-8";

    private final ReviewService reviews;
    private final InterestReview interest;
    private final CsvExporter exporter;
    private final ZoneId defaultZone;

    public ReviewApplicationsHandler() {
        this(Platform.fromEnvironment());
    }

    public ReviewApplicationsHandler(Platform platform) {
        this(platform, Long.parseLong(platform.env().get("CSV_PART_BYTES", Long.toString(ReviewService.MAX_CSV_BYTES))));
    }

    /** With a smaller CSV cap, so the over-cap answer can be tested without millions of rows. */
    public ReviewApplicationsHandler(Platform platform, long maxCsvBytes) {
        super(platform);
        Counters counters = new Counters(platform);
        this.reviews = new ReviewService(new ApplicationRepository(platform), new ApplicationLog(platform), new ReviewerLog(platform),
                CriteriaWeights.from(platform.env()), Duplicates.of(platform, counters), counters,
                new IndexPager(platform.dynamo(), platform.table("APPLICATIONS_TABLE"), "id"), maxCsvBytes);
        this.exporter = new CsvExporter(maxCsvBytes);
        this.defaultZone = ZoneId.of(platform.env().get("EXPORT_TIME_ZONE", "UTC"));
        this.interest = new InterestReview(new IndexPager(platform.dynamo(), platform.table("INTEREST_TABLE"), "id"), counters);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        StaffIdentity staff = request.requireGroup(StaffIdentity.REVIEWERS);
        StaffRoute route = StaffRoute.of(request);
        return switch (route.key()) {
            case "GET /admin/applications" -> ApiResponse.json(200, reviews.list(QueueFilter.from(request)));
            case "GET /admin/applications/{id}" -> ApiResponse.json(200, reviews.detail(route.id(), staff));
            case "GET /admin/applications.csv" -> applicationsCsv(request);
            case "GET /admin/cohort.csv" -> csv(request, reviews.export("cohort", new QueueFilter(ApplicationStatus.ACCEPTED,
                    QueueFilter.ALL_REGIONS, null, QueueFilter.MAX_LIMIT, null), zone(request)));
            case "GET /admin/interest.csv" -> csv(request, interest.export(InterestReview.Filter.from(request), zone(request)));
            case "GET /admin/interest" -> ApiResponse.json(200, interest.list(InterestReview.Filter.from(request)));
            case "GET /admin/interest/summary" -> ApiResponse.json(200, interest.summary());
            default -> throw StaffRoute.unknown(route);
        };
    }

    private ApiResponse applicationsCsv(ApiRequest request) {
        QueueFilter filter = QueueFilter.from(request);
        ZoneId zone = zone(request);
        if (filter.assignedTo() == null) {
            return csv(request, reviews.export("applications", filter, zone));
        }
        parts(request);
        Csv csv = reviews.assignedCsv(filter, zone);
        return csvResponse(csv, "applications", csv.rows() - 1).header("X-Part", "1");
    }

    /** {@code tz}: the IANA time zone of the export's times (default {@code EXPORT_TIME_ZONE}, else UTC). */
    private ZoneId zone(ApiRequest request) {
        String tz = request.query("tz").map(String::trim).orElse(null);
        if (tz == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw Problem.validation(List.of(new FieldError("tz", "Must be a time zone such as America/Chicago or UTC.")));
        }
    }

    private static boolean parts(ApiRequest request) {
        String parts = request.query("parts").map(String::trim).orElse("false");
        if (!parts.equals("true") && !parts.equals("false")) {
            throw Problem.validation(List.of(new FieldError("parts", "Must be true or false.")));
        }
        return parts.equals("true");
    }

    /** The whole export, or with {@code parts=true} one part of it (see {@link CsvExporter#part}). */
    private ApiResponse csv(ApiRequest request, CsvExporter.Export export) {
        String cursor = request.query("cursor").orElse(null);
        if (!parts(request)) {
            if (cursor != null) {
                throw Problem.validation(List.of(new FieldError("cursor", "A cursor needs parts=true.")));
            }
            Csv csv = exporter.whole(export);
            return csvResponse(csv, export.name(), csv.rows() - 1);
        }
        CsvExporter.CsvPart part = exporter.part(export, cursor);
        ApiResponse response = csvResponse(part.csv(), export.name(), part.dataRows())
                .header("X-Part", Integer.toString(part.part()));
        return part.nextCursor() == null ? response : response.header("X-Next-Cursor", part.nextCursor());
    }

    private static ApiResponse csvResponse(Csv csv, String export, int dataRows) {
        return ApiResponse.text(200, CSV, csv.toString())
                .header("Content-Disposition", "attachment; filename=\"" + export + ".csv\"")
                .header("X-Row-Count", Integer.toString(dataRows))
                // The console runs on another origin in the cloud: without this it cannot read the part headers.
                .header("Access-Control-Expose-Headers", "Content-Disposition, X-Row-Count, X-Part, X-Next-Cursor");
    }
}
