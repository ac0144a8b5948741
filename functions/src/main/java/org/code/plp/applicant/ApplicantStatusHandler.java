package org.code.plp.applicant;

import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.counters.Counters;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.JsonBody;
import org.code.plp.http.Problem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;

/**
 * The applicant's private status page: GET /status, POST /status/withdraw, PUT /status/contact
 * (the link's token as a Bearer header), POST /status/email-confirmation (the token of the link
 * sent to a new address, in the body) and POST /status/link ("email me my link again").
 */
public final class ApplicantStatusHandler extends ApiHandler {
    private final StatusService status;
    private final LinkRequests links;
    private final ApplicantValidator validator = new ApplicantValidator();

    public ApplicantStatusHandler() {
        this(Platform.fromEnvironment());
    }

    public ApplicantStatusHandler(Platform platform) {
        super(platform, Priming.Read.ACCESS_TOKENS);
        ApplicationRepository applications = new ApplicationRepository(platform);
        OutboxRepository outbox = new OutboxRepository(platform);
        this.status = new StatusService(new AccessTokens(platform), applications, new ApplicantWrites(platform),
                new ApplicationLog(platform), new Counters(platform), outbox, platform.dynamo(), platform.clock());
        this.links = new LinkRequests(platform, new RateLimiter(platform), applications, outbox);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return switch (Bearer.route(request)) {
            case "GET /status" -> ApiResponse.json(200, status.view(Bearer.token(request)));
            case "POST /status/withdraw" -> {
                validator.withdrawal(JsonBody.read(request));
                yield ApiResponse.json(200, status.withdraw(Bearer.token(request)));
            }
            case "PUT /status/contact" ->
                    ApiResponse.json(200, status.correct(Bearer.token(request), validator.contact(JsonBody.read(request))));
            case "POST /status/email-confirmation" ->
                    ApiResponse.json(200, status.confirmEmail(validator.only(JsonBody.read(request), "token")));
            case "POST /status/link" ->
                    ApiResponse.json(202, links.request(validator.only(JsonBody.read(request), "email"), Bearer.clientIp(request)));
            default -> throw Problem.notFound("No such route.");
        };
    }
}
