package org.code.plp.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.code.plp.platform.Log;
import org.code.plp.platform.Metrics;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;
import org.code.plp.platform.WriteTransaction;

/**
 * The shape of every API function: turn the event into an {@link ApiRequest}, let the subclass
 * answer, and turn any {@link Problem} into problem+json. Anything unexpected becomes a 500
 * problem with no internals in it, logged with the request id.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>,
        RequestStreamHandler {
    private static final Problem UNAVAILABLE = new Problem(503, "unavailable", "Service unavailable",
            "We could not reach our database just now, so nothing was saved. Please send it again in a moment.", List.of());

    private final Map<String, String> defaultHeaders;
    private final Priming priming;

    /** A handler that reads the regions table: its priming reads there, then sends {@link #primingEvent()}. */
    protected ApiHandler(Platform platform) {
        this(platform, Priming.Read.REGIONS);
    }

    /** A handler with a SnapStart priming hook that reads {@code primingRead} and sends {@link #primingEvent()}. */
    protected ApiHandler(Platform platform, Priming.Read primingRead) {
        this.defaultHeaders = Map.of(
                "Access-Control-Allow-Origin", platform.env().get("ALLOWED_ORIGIN", "*"),
                "Vary", "Origin",
                "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-store");
        this.priming = Priming.register(platform, primingRead, this::prime);
    }

    /**
     * Lambda's entry point: the runtime prefers this overload of the template's {@code handleRequest}, so the
     * event is read and the answer written by {@link ApiEvents}, not by the runtime's event serializer.
     */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ApiEvents.write(handleRequest(ApiEvents.read(input), context), output);
    }

    /** The same request as an event object (the local cloud and tests call this). */
    @Override
    public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        long started = System.nanoTime();
        String route = event.getHttpMethod() + " " + (event.getResource() != null ? event.getResource() : event.getPath());
        String requestId = context != null ? context.getAwsRequestId()
                : event.getRequestContext() != null ? event.getRequestContext().getRequestId() : null;
        ApiRequest request = null;
        ApiResponse response;
        try {
            request = new ApiRequest(event);
            response = handle(request);
        } catch (Problem problem) {
            response = ApiResponse.problem(problem);
        } catch (WriteTransaction.Contended busy) {
            response = ApiResponse.problem(new Problem(503, "busy", "Busy",
                    "Many submissions are arriving at once. Please try again in a moment.", List.of()))
                    .header("Retry-After", "1");
        } catch (RuntimeException unexpected) {
            response = DependencyFaults.isTemporary(unexpected)
                    ? unavailable(unexpected, route, requestId) : internal(unexpected, route, requestId);
        }
        // One line per request: the route as declared (no ids, no query), never a body or a header.
        Log.info("request", "route", route, "status", response.status(),
                "latencyMs", (System.nanoTime() - started) / 1_000_000, "requestId", requestId);
        if (response.status() == 503) {
            Metrics.count(Metrics.API_503);
        } else if (response.status() / 100 == 2 && request != null && metricOf(request) != null) {
            Metrics.count(metricOf(request));
        }
        return response.toEvent(defaultHeaders);
    }

    /** The business metric ({@link Metrics}) a successful answer to this request counts; none by default. */
    protected String metricOf(ApiRequest request) {
        return null;
    }

    // Unreachable, throttled or timing-out DynamoDB: not our bug, and nothing was stored (one transaction).
    private static ApiResponse unavailable(RuntimeException fault, String route, String requestId) {
        Log.warn("dependency-unavailable", "route", route, "requestId", requestId, "error", fault.toString());
        return ApiResponse.problem(UNAVAILABLE).header("Retry-After", "5");
    }

    private static ApiResponse internal(RuntimeException unexpected, String route, String requestId) {
        Log.error("unhandled", unexpected, "route", route, "requestId", requestId);
        return ApiResponse.problem(new Problem(500, "internal", "Internal error",
                "Something went wrong on our side. Please try again in a minute.", List.of()));
    }

    protected abstract ApiResponse handle(ApiRequest request);

    /**
     * The request priming sends through this handler before a SnapStart snapshot. It must not write:
     * by default an empty JSON object POSTed with no staff identity, which submissions reject as
     * invalid and staff routes as unauthorised. Read-only handlers may answer it or override this.
     */
    protected APIGatewayProxyRequestEvent primingEvent() {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/priming")
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{}");
    }

    /** Priming's request: {@link #primingEvent()} as JSON through Lambda's entry point, the answer dropped. */
    private void prime() {
        try {
            handleRequest(new ByteArrayInputStream(ApiEvents.bytes(primingEvent())), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SnapStart priming hook. */
    public final Priming priming() {
        return priming;
    }
}
