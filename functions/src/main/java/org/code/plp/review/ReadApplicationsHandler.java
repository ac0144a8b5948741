package org.code.plp.review;

import java.time.ZoneId;
import java.util.Map;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.audit.AuditLog;
import org.code.plp.counters.Counters;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.StaffIdentity;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;
import org.code.plp.regions.RegionRepository;

/**
 * Staff reads of applications: GET /admin/applications (queue), /admin/applications/{id} (detail),
 * /admin/applications.csv and /admin/cohort.csv (exports). Every route needs the reviewers group (admins count).
 */
public final class ReadApplicationsHandler extends ApiHandler {
    private final ReviewService reviews;
    private final CsvAnswers csv;
    private final AuditLog audit;

    public ReadApplicationsHandler() {
        this(Platform.fromEnvironment());
    }

    public ReadApplicationsHandler(Platform platform) {
        this(platform, CsvAnswers.partCap(platform.env()));
    }

    /** With a smaller CSV cap, so the over-cap answer can be tested without millions of rows. */
    public ReadApplicationsHandler(Platform platform, long maxCsvBytes) {
        super(platform, Priming.Read.APPLICATIONS);
        Counters counters = new Counters(platform);
        this.reviews = new ReviewService(new ApplicationRepository(platform), new ApplicationLog(platform), new ReviewerLog(platform),
                CriteriaWeights.from(platform.env()), Duplicates.of(platform, counters), counters,
                new IndexPager(platform.dynamo(), platform.table("APPLICATIONS_TABLE")), maxCsvBytes,
                new RegionRepository(platform), platform.clock());
        this.csv = CsvAnswers.withPartCap(platform.env(), maxCsvBytes);
        this.audit = new AuditLog(platform);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        StaffRoute route = StaffRoute.ofReviewer(request);
        return switch (route.key()) {
            case "GET /admin/applications" -> ApiResponse.json(200, reviews.list(QueueFilter.from(request)));
            case "GET /admin/applications/{id}" -> {
                ApplicationDetail detail = reviews.detail(route.id(), route.staff());
                audit.record(route.staff(), "application-read", route.id(), Map.of());
                yield ApiResponse.json(200, detail);
            }
            case "GET /admin/applications.csv" -> audited(route.staff(), "applications.csv", request, applicationsCsv(request));
            case "GET /admin/cohort.csv" -> audited(route.staff(), "cohort.csv", request, csv.answer(request, reviews.export("cohort",
                    new QueueFilter(ApplicationStatus.ACCEPTED, QueueFilter.ALL_REGIONS, null, QueueFilter.MAX_LIMIT, null),
                    csv.zone(request))));
            default -> throw StaffRoute.unknown(route);
        };
    }

    private ApiResponse audited(StaffIdentity staff, String export, ApiRequest request, ApiResponse answer) {
        audit.export(staff, export, request, answer);
        return answer;
    }

    private ApiResponse applicationsCsv(ApiRequest request) {
        QueueFilter filter = QueueFilter.from(request);
        ZoneId zone = csv.zone(request);
        if (filter.assignedTo() == null) {
            return csv.answer(request, reviews.export("applications", filter, zone));
        }
        CsvAnswers.parts(request);
        Csv assigned = reviews.assignedCsv(filter, zone);
        return CsvAnswers.response(assigned, "applications", assigned.rows() - 1).header("X-Part", "1");
    }
}
