package org.code.plp.applicant;

import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.JsonBody;
import org.code.plp.http.Problem;
import org.code.plp.outbox.OutboxRepository;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;

/**
 * Save and finish later: POST /drafts (a new draft and its emailed resume link), and with the
 * resume link's token as a Bearer header GET /drafts (restore), PUT /drafts (save again) and
 * DELETE /drafts (after submitting, or to discard).
 */
public final class DraftsHandler extends ApiHandler {
    private final DraftService drafts;
    private final ApplicantValidator validator = new ApplicantValidator();

    public DraftsHandler() {
        this(Platform.fromEnvironment());
    }

    public DraftsHandler(Platform platform) {
        super(platform, Priming.Read.ACCESS_TOKENS);
        this.drafts = new DraftService(platform, new AccessTokens(platform), new OutboxRepository(platform));
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return switch (Bearer.route(request)) {
            case "POST /drafts" -> ApiResponse.json(201, drafts.save(validator.draft(JsonBody.read(request))));
            case "GET /drafts" -> ApiResponse.json(200, drafts.resume(Bearer.token(request)));
            case "PUT /drafts" -> ApiResponse.json(200, drafts.update(Bearer.token(request), validator.draftForm(JsonBody.read(request))));
            case "DELETE /drafts" -> {
                drafts.discard(Bearer.token(request));
                yield ApiResponse.empty(204);
            }
            default -> throw Problem.notFound("No such route.");
        };
    }
}
