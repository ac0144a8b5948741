package org.code.plp.review;

import org.code.plp.audit.AuditLog;
import org.code.plp.counters.Counters;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;

/**
 * Staff reads of interest forms: GET /admin/interest (a page of forms), /admin/interest/summary
 * (counts by state and city) and /admin/interest.csv. Every route needs the reviewers group (admins count).
 */
public final class ReadInterestHandler extends ApiHandler {
    private final InterestReview interest;
    private final CsvAnswers csv;
    private final AuditLog audit;

    public ReadInterestHandler() {
        this(Platform.fromEnvironment());
    }

    public ReadInterestHandler(Platform platform) {
        super(platform, Priming.Read.INTEREST_BY_STATE);
        this.interest = new InterestReview(new IndexPager(platform.dynamo(), platform.table("INTEREST_TABLE")),
                new Counters(platform));
        this.csv = CsvAnswers.from(platform.env());
        this.audit = new AuditLog(platform);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        StaffRoute route = StaffRoute.ofReviewer(request);
        return switch (route.key()) {
            case "GET /admin/interest" -> ApiResponse.json(200, interest.list(InterestReview.Filter.from(request)));
            case "GET /admin/interest/summary" -> ApiResponse.json(200, interest.summary());
            case "GET /admin/interest.csv" -> {
                ApiResponse answer = csv.answer(request, interest.export(InterestReview.Filter.from(request), csv.zone(request)));
                audit.export(route.staff(), "interest.csv", request, answer);
                yield answer;
            }
            default -> throw StaffRoute.unknown(route);
        };
    }
}
