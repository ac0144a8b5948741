package org.code.plp.review;

import java.util.Map;
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
 * The review workflow, staff writes on one application: POST /admin/applications/{id}/decision,
 * POST .../notes, PUT .../scores.
 * Every route needs the reviewers group (admins count).
 */
public final class ReviewWorkflowHandler extends ApiHandler {
    private final DecisionService decisions;
    private final ReviewService reviews;

    public ReviewWorkflowHandler() {
        this(Platform.fromEnvironment());
    }

    public ReviewWorkflowHandler(Platform platform) {
        super(platform);
        ApplicationRepository applications = new ApplicationRepository(platform);
        ApplicationLog log = new ApplicationLog(platform);
        Counters counters = new Counters(platform);
        this.decisions = new DecisionService(applications, log, counters, new OutboxRepository(platform),
                new RegionRepository(platform), platform.dynamo(), platform.clock());
        this.reviews = new ReviewService(applications, log, counters,
                new IndexPager(platform.dynamo(), platform.table("APPLICATIONS_TABLE"), "id"), ReviewService.MAX_CSV_BYTES);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        StaffIdentity staff = request.requireGroup(StaffIdentity.REVIEWERS);
        StaffRoute route = StaffRoute.of(request);
        return switch (route.key()) {
            case "POST /admin/applications/{id}/decision" -> {
                var decision = ReviewValidator.decision(JsonBody.read(request));
                decisions.decide(route.id(), decision, staff);
                yield ApiResponse.json(200, reviews.detail(route.id()));
            }
            case "POST /admin/applications/{id}/notes" ->
                    ApiResponse.json(201, decisions.addNote(route.id(), ReviewValidator.note(JsonBody.read(request)), staff));
            case "PUT /admin/applications/{id}/scores" ->
                    ApiResponse.json(200, new Scores(decisions.score(route.id(), ReviewValidator.scores(JsonBody.read(request)))));
            default -> throw StaffRoute.unknown(route);
        };
    }

    /** PUT .../scores: every criterion's answer after the change, null where not scored. */
    public record Scores(Map<String, String> scores) {
    }
}
