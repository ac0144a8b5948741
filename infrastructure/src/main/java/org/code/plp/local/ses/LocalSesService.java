package org.code.plp.local.ses;

import java.time.Clock;
import org.code.plp.local.LocalContext;
import org.code.plp.local.LocalService;

/**
 * Starts the local SES capture and points every function's SESv2 client at it (SES_ENDPOINT),
 * unless SES_ENDPOINT is set already: then mail goes to that SESv2-compatible endpoint instead.
 * SES_PORT picks the capture's port (default: a free one).
 */
public final class LocalSesService implements LocalService {
    private final LocalSes ses = new LocalSes(Clock.systemUTC());

    @Override
    public void start(LocalContext context) throws Exception {
        ses.start(Integer.parseInt(System.getenv().getOrDefault("SES_PORT", "0")));
        String endpoint = context.defaultEnv("SES_ENDPOINT", ses.endpoint().toString());
        context.route("/local/mail", new MailPages(ses));
        context.announce("Captured mail", context.baseUri() + "/local/mail.html"
                + (endpoint.equals(ses.endpoint().toString()) ? "" : " (mail goes to " + endpoint + ")"));
    }

    @Override
    public void stop() {
        ses.stop();
    }

    @Override
    public String name() {
        return "Local SES capture";
    }
}
