package org.code.plp.review;

import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.counters.Counters;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.StaffIdentity;
import org.code.plp.platform.Platform;

/**
 * Staff reads: GET /admin/applications (queue), /admin/applications/{id} (detail),
 * /admin/applications.csv and /admin/cohort.csv (exports), /admin/interest and
 * /admin/interest/summary. Every route needs the reviewers group (admins count).
 */
public final class ReviewApplicationsHandler extends ApiHandler {
    public static final String CSV = "text/csv; charset=utf-8";

    private final ReviewService reviews;
    private final InterestReview interest;

    public ReviewApplicationsHandler() {
        this(Platform.fromEnvironment());
    }

    public ReviewApplicationsHandler(Platform platform) {
        this(platform, ReviewService.MAX_CSV_BYTES);
    }

    /** With a smaller CSV cap, so the over-cap answer can be tested without millions of rows. */
    public ReviewApplicationsHandler(Platform platform, long maxCsvBytes) {
        super(platform);
        Counters counters = new Counters(platform);
        this.reviews = new ReviewService(new ApplicationRepository(platform), new ApplicationLog(platform), counters,
                new IndexPager(platform.dynamo(), platform.table("APPLICATIONS_TABLE"), "id"), maxCsvBytes);
        this.interest = new InterestReview(new IndexPager(platform.dynamo(), platform.table("INTEREST_TABLE"), "id"), counters);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.requireGroup(StaffIdentity.REVIEWERS);
        StaffRoute route = StaffRoute.of(request);
        return switch (route.key()) {
            case "GET /admin/applications" -> ApiResponse.json(200, reviews.list(QueueFilter.from(request)));
            case "GET /admin/applications/{id}" -> ApiResponse.json(200, reviews.detail(route.id()));
            case "GET /admin/applications.csv" -> csv(reviews.csv(QueueFilter.from(request)), "applications.csv");
            case "GET /admin/cohort.csv" -> csv(reviews.csv(new QueueFilter(ApplicationStatus.ACCEPTED, QueueFilter.ALL_REGIONS, null,
                    QueueFilter.MAX_LIMIT, null)), "cohort.csv");
            case "GET /admin/interest" -> ApiResponse.json(200, interest.list(InterestReview.Filter.from(request)));
            case "GET /admin/interest/summary" -> ApiResponse.json(200, interest.summary());
            default -> throw StaffRoute.unknown(route);
        };
    }

    private static ApiResponse csv(Csv csv, String filename) {
        return ApiResponse.text(200, CSV, csv.toString())
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("X-Row-Count", Integer.toString(csv.rows() - 1));
    }
}
