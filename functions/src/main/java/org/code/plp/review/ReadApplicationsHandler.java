package org.code.plp.review;

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
import org.code.plp.regions.RegionRepository;

/**
 * Staff reads of applications: GET /admin/applications (queue), /admin/applications/{id} (detail),
 * /admin/applications.csv and /admin/cohort.csv (exports). Every route needs the reviewers group (admins count).
 */
public final class ReadApplicationsHandler extends ApiHandler {
    public static final String CSV = "text/csv; charset=utf-8";

    private final ReviewService reviews;

    public ReadApplicationsHandler() {
        this(Platform.fromEnvironment());
    }

    public ReadApplicationsHandler(Platform platform) {
        this(platform, Long.parseLong(platform.env().get("CSV_PART_BYTES", Long.toString(ReviewService.MAX_CSV_BYTES))));
    }

    /** With a smaller CSV cap, so the over-cap answer can be tested without millions of rows. */
    public ReadApplicationsHandler(Platform platform, long maxCsvBytes) {
        super(platform);
        this.reviews = new ReviewService(new ApplicationRepository(platform), new ApplicationLog(platform), new Counters(platform),
                new IndexPager(platform.dynamo(), platform.table("APPLICATIONS_TABLE"), "id"), maxCsvBytes,
                new RegionRepository(platform), platform.clock());
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.requireGroup(StaffIdentity.REVIEWERS);
        StaffRoute route = StaffRoute.of(request);
        return switch (route.key()) {
            case "GET /admin/applications" -> ApiResponse.json(200, reviews.list(QueueFilter.from(request)));
            case "GET /admin/applications/{id}" -> ApiResponse.json(200, reviews.detail(route.id()));
            case "GET /admin/applications.csv" -> csv(request, "applications", QueueFilter.from(request));
            case "GET /admin/cohort.csv" -> csv(request, "cohort", new QueueFilter(ApplicationStatus.ACCEPTED,
                    QueueFilter.ALL_REGIONS, null, QueueFilter.MAX_LIMIT, null));
            default -> throw StaffRoute.unknown(route);
        };
    }

    /** The whole export, or with {@code parts=true} one part of it (see {@link ReviewService#csvPart}). */
    private ApiResponse csv(ApiRequest request, String export, QueueFilter filter) {
        String parts = request.query("parts").map(String::trim).orElse("false");
        if (!parts.equals("true") && !parts.equals("false")) {
            throw Problem.validation(List.of(new FieldError("parts", "Must be true or false.")));
        }
        String cursor = request.query("cursor").orElse(null);
        if (parts.equals("false")) {
            if (cursor != null) {
                throw Problem.validation(List.of(new FieldError("cursor", "A cursor needs parts=true.")));
            }
            Csv csv = reviews.csv(export, filter);
            return csvResponse(csv, export, csv.rows() - 1);
        }
        ReviewService.CsvPart part = reviews.csvPart(export, filter, cursor);
        ApiResponse response = csvResponse(part.csv(), export, part.dataRows())
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
