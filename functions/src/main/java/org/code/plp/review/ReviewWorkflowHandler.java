package org.code.plp.review;

import java.time.Duration;
import java.util.Map;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.audit.AuditLog;
import org.code.plp.counters.Counters;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.JsonBody;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Metrics;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;
import org.code.plp.regions.RegionRepository;

/**
 * The review workflow, staff writes: POST /admin/applications/{id}/decision (with its preview,
 * GET .../decision-preview?status=, and its undo, POST .../undo), POST .../notes, and
 * POST /admin/regions/{id}/close-out (scores: {@link ReviewerWorkHandler}).
 * Every route needs the reviewers group (admins count).
 */
public final class ReviewWorkflowHandler extends ApiHandler {
    private final DecisionService decisions;
    private final ReviewService reviews;
    private final DecisionPreview previews;
    private final CloseOutService closeOuts;
    private final AuditLog audit;

    public ReviewWorkflowHandler() {
        this(Platform.fromEnvironment());
    }

    public ReviewWorkflowHandler(Platform platform) {
        super(platform, Priming.Read.APPLICATIONS);
        ApplicationRepository applications = new ApplicationRepository(platform);
        ApplicationLog log = new ApplicationLog(platform);
        Counters counters = new Counters(platform);
        RegionRepository regions = new RegionRepository(platform);
        Duration hold = DecisionService.hold(platform.env());
        this.audit = new AuditLog(platform);
        this.decisions = new DecisionService(applications, log, counters, new OutboxRepository(platform),
                regions, new ReviewerLog(platform), platform.dynamo(), platform.clock(), hold, audit);
        this.reviews = new ReviewService(applications, log, new ReviewerLog(platform), CriteriaWeights.from(platform.env()),
                Duplicates.of(platform, counters), counters,
                new IndexPager(platform.dynamo(), platform.table("APPLICATIONS_TABLE")), ReviewService.MAX_CSV_BYTES,
                regions, platform.clock());
        this.previews = new DecisionPreview(applications, platform.env(), platform.clock(), hold);
        this.closeOuts = new CloseOutService(applications, regions, decisions);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        StaffRoute route = StaffRoute.ofReviewer(request);
        return switch (route.key()) {
            case "POST /admin/applications/{id}/decision" -> {
                var decision = ReviewValidator.decision(JsonBody.read(request));
                decisions.decide(route.id(), decision, route.staff());
                yield ApiResponse.json(200, reviews.detail(route.id(), route.staff()));
            }
            case "POST /admin/applications/{id}/undo" -> {
                decisions.undo(route.id(), ReviewValidator.undo(JsonBody.read(request)), route.staff());
                yield ApiResponse.json(200, reviews.detail(route.id(), route.staff()));
            }
            case "GET /admin/applications/{id}/decision-preview" -> ApiResponse.json(200,
                    previews.preview(route.id(), request.query("status").orElse(null)));
            case "POST /admin/regions/{id}/close-out" -> {
                CloseOutService.Report report = closeOuts.closeOut(route.id(), ReviewValidator.closeOut(JsonBody.read(request)), route.staff());
                audit.record(route.staff(), "close-out", route.id(), Map.of("to", report.status().wire(),
                        "moved", Integer.toString(report.moved().size()), "skipped", Integer.toString(report.skipped().size())));
                yield ApiResponse.json(200, report);
            }
            case "POST /admin/applications/{id}/notes" ->
                    ApiResponse.json(201, decisions.addNote(route.id(), ReviewValidator.note(JsonBody.read(request)), route.staff()));
            default -> throw StaffRoute.unknown(route);
        };
    }

    @Override
    protected String metricOf(ApiRequest request) {
        return StaffRoute.key(request).endsWith("/decision") ? Metrics.DECISIONS : null;
    }
}
