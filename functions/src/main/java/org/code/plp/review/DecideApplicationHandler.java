package org.code.plp.review;

import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.counters.Counters;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.JsonBody;
import org.code.plp.http.StaffIdentity;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionRepository;

/**
 * Staff writes: POST /admin/applications/{id}/decision, POST .../notes (scores: {@link ReviewerWorkHandler}).
 * Every route needs the reviewers group (admins count).
 */
public final class DecideApplicationHandler extends ApiHandler {
    private final DecisionService decisions;
    private final ReviewService reviews;

    public DecideApplicationHandler() {
        this(Platform.fromEnvironment());
    }

    public DecideApplicationHandler(Platform platform) {
        super(platform);
        ApplicationRepository applications = new ApplicationRepository(platform);
        ApplicationLog log = new ApplicationLog(platform);
        Counters counters = new Counters(platform);
        this.decisions = new DecisionService(applications, log, counters, new OutboxRepository(platform),
                new RegionRepository(platform), new ReviewerLog(platform), platform.dynamo(), platform.clock());
        this.reviews = new ReviewService(applications, log, new ReviewerLog(platform), CriteriaWeights.from(platform.env()),
                Duplicates.of(platform, counters), counters,
                new IndexPager(platform.dynamo(), platform.table("APPLICATIONS_TABLE"), "id"), ReviewService.MAX_CSV_BYTES);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        StaffIdentity staff = request.requireGroup(StaffIdentity.REVIEWERS);
        StaffRoute route = StaffRoute.of(request);
        return switch (route.key()) {
            case "POST /admin/applications/{id}/decision" -> {
                var decision = DecisionService.readDecision(JsonBody.read(request));
                decisions.decide(route.id(), decision, staff);
                yield ApiResponse.json(200, reviews.detail(route.id(), staff));
            }
            case "POST /admin/applications/{id}/notes" ->
                    ApiResponse.json(201, decisions.addNote(route.id(), JsonBody.read(request), staff));
            default -> throw StaffRoute.unknown(route);
        };
    }
}
