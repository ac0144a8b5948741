package org.code.plp.review;

import org.code.plp.counters.Counters;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.StaffIdentity;
import org.code.plp.platform.Platform;

/**
 * Staff reads of interest forms: GET /admin/interest (a page of forms) and /admin/interest/summary
 * (counts by state and city). Every route needs the reviewers group (admins count).
 */
public final class ReadInterestHandler extends ApiHandler {
    private final InterestReview interest;

    public ReadInterestHandler() {
        this(Platform.fromEnvironment());
    }

    public ReadInterestHandler(Platform platform) {
        super(platform);
        this.interest = new InterestReview(new IndexPager(platform.dynamo(), platform.table("INTEREST_TABLE"), "id"),
                new Counters(platform));
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.requireGroup(StaffIdentity.REVIEWERS);
        StaffRoute route = StaffRoute.of(request);
        return switch (route.key()) {
            case "GET /admin/interest" -> ApiResponse.json(200, interest.list(InterestReview.Filter.from(request)));
            case "GET /admin/interest/summary" -> ApiResponse.json(200, interest.summary());
            default -> throw StaffRoute.unknown(route);
        };
    }
}
