package org.code.plp.review;

import java.util.Map;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.JsonBody;
import org.code.plp.http.Problem;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;
import org.code.plp.platform.Timestamps;

/**
 * A reviewer's own work on an application: PUT /admin/applications/{id}/scores (their sheet),
 * POST .../assignees and DELETE .../assignees/{email}, POST .../recusal; and dismissing a duplicate flag,
 * POST .../duplicate-dismissal. Needs the reviewers group.
 */
public final class ReviewerWorkHandler extends ApiHandler {
    private final ScoreService scores;
    private final Duplicates duplicates;
    private final java.time.Clock clock;

    public ReviewerWorkHandler() {
        this(Platform.fromEnvironment());
    }

    public ReviewerWorkHandler(Platform platform) {
        super(platform, Priming.Read.APPLICATIONS);
        this.scores = new ScoreService(new ApplicationRepository(platform), new ReviewerLog(platform),
                CriteriaWeights.from(platform.env()), platform.dynamo(), platform.clock());
        this.duplicates = Duplicates.of(platform, new org.code.plp.counters.Counters(platform));
        this.clock = platform.clock();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        StaffRoute route = StaffRoute.ofReviewer(request);
        return switch (route.key()) {
            case "PUT /admin/applications/{id}/scores" -> ApiResponse.json(200, scores.score(route.id(), ReviewValidator.scores(JsonBody.read(request)), route.staff()));
            case "POST /admin/applications/{id}/assignees" ->
                    ApiResponse.json(201, scores.assign(route.id(), ReviewValidator.assignee(JsonBody.read(request)), route.staff()));
            case "DELETE /admin/applications/{id}/assignees/{email}" -> {
                String email = ReviewValidator.unassignee(request.pathParameter("email").or(route::subId)
                        .orElseThrow(() -> Problem.notFound("Name the reviewer to unassign.")));
                scores.unassign(route.id(), email, route.staff());
                yield ApiResponse.json(200, new Unassigned(ReviewerLog.normalEmail(email)));
            }
            case "POST /admin/applications/{id}/recusal" -> ApiResponse.json(201, scores.recuse(route.id(), ReviewValidator.recusalReason(JsonBody.read(request)), route.staff()));
            case "POST /admin/applications/{id}/duplicate-dismissal" -> {
                ReviewValidator.dismissal(JsonBody.read(request));
                String now = Timestamps.format(Timestamps.truncate(clock.instant()));
                duplicates.dismiss(route.id(), route.staff(), now);
                yield ApiResponse.json(200, new Dismissed(route.staff().displayName(), now));
            }
            default -> throw StaffRoute.unknown(route);
        };
    }

    record Unassigned(String unassigned) {
    }

    record Dismissed(String dismissedBy, String dismissedAt) {
    }
}
