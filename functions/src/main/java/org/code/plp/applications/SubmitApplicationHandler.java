package org.code.plp.applications;

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

/** POST /applications. */
public final class SubmitApplicationHandler extends ApiHandler {
    private final ApplicationService service;
    private final IdempotencyKeys idempotency;
    private final ApplicationValidator validator;

    public SubmitApplicationHandler() {
        this(Platform.fromEnvironment());
    }

    public SubmitApplicationHandler(Platform platform) {
        super(platform);
        this.idempotency = new IdempotencyKeys(platform);
        this.validator = new ApplicationValidator(platform.env().get("TERMS_VERSION", ApplicationValidator.TERMS_VERSION));
        this.service = new ApplicationService(new RegionRepository(platform), new ApplicationRepository(platform),
                new ApplicationLog(platform), new Counters(platform),
                new Intake(idempotency, new OutboxRepository(platform), platform.dynamo(), platform.clock()));
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        var body = JsonBody.read(request);
        var claim = idempotency.claim(request, "applications", body);
        if (Honeypot.isFilled(body)) {
            return service.ignore().toResponse();
        }
        return service.submit(validator.validate(body), claim).toResponse();
    }

    @Override
    protected String metricOf(ApiRequest request) {
        return Metrics.APPLICATIONS_SUBMITTED;
    }
}
