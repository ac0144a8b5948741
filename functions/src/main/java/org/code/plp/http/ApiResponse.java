package org.code.plp.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.code.plp.platform.Json;

/** An answer to API Gateway, built fluently by handlers. */
public final class ApiResponse {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final String body;

    private ApiResponse(int status, String contentType, String body) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, JSON, Json.write(value));
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body);
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, null, null);
    }

    /** The problem+json body; {@code errors} only when there are some. */
    record ProblemBody(String type, String title, int status, String detail,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {
    }

    public static ApiResponse problem(Problem problem) {
        ProblemBody body = new ProblemBody(problem.type(), problem.title(), problem.status(), problem.detail(), problem.errors());
        return new ApiResponse(problem.status(), PROBLEM_JSON, Json.write(body));
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    APIGatewayProxyResponseEvent toEvent(Map<String, String> defaultHeaders) {
        Map<String, String> all = new LinkedHashMap<>(defaultHeaders);
        all.putAll(headers);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body)
                .withIsBase64Encoded(false);
    }
}
