package org.code.plp.interest;

import org.code.plp.counters.Counters;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.JsonBody;
import org.code.plp.idempotency.IdempotencyKeys;
import org.code.plp.idempotency.Intake;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Metrics;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionRepository;
import org.code.plp.validation.Honeypot;

/** POST /interest. */
public final class SubmitInterestHandler extends ApiHandler {
    private final InterestService service;
    private final IdempotencyKeys idempotency;
    private final InterestValidator validator = new InterestValidator();

    public SubmitInterestHandler() {
        this(Platform.fromEnvironment());
    }

    public SubmitInterestHandler(Platform platform) {
        super(platform);
        this.idempotency = new IdempotencyKeys(platform);
        this.service = new InterestService(new RegionRepository(platform), new InterestRepository(platform), new Counters(platform),
                new Intake(idempotency, new OutboxRepository(platform), platform.dynamo(), platform.clock()));
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        var body = JsonBody.read(request);
        var claim = idempotency.claim(request, "interest", body);
        if (Honeypot.isFilled(body)) {
            return service.ignore().toResponse();
        }
        return service.submit(validator.validate(body), claim).toResponse();
    }

    @Override
    protected String metricOf(ApiRequest request) {
        return Metrics.INTEREST_SUBMITTED;
    }
}
