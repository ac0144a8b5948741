package org.code.plp.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.code.plp.platform.Env;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The template's functions, made on first use: one handler instance per function, built through
 * its constructor taking a {@link Platform} whose {@link Env} is the function's template
 * environment plus the local overrides (AWS_REGION, SES_ENDPOINT, ...). Reflection is fine here:
 * this is the local cloud, never Lambda.
 */
public final class LocalFunctions {
    /**
     * A handler's answer is Lambda's envelope, its body one string of up to Lambda's 6 MB payload (an audit page, a
     * CSV export): read past the form limits of {@link Json#LIMITS}, as API Gateway does.
     */
    private static final JsonFactory ANSWER = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(16_000_000).build())
            .build();

    private final TemplateModel template;
    private final DynamoDbClient dynamo;
    private final Map<String, String> overrides;
    private volatile Clock clock;
    private final Map<String, Platform> platforms = new ConcurrentHashMap<>();
    private final Map<String, Object> handlers = new ConcurrentHashMap<>();

    public LocalFunctions(TemplateModel template, DynamoDbClient dynamo, Map<String, String> overrides, Clock clock) {
        this.template = template;
        this.dynamo = dynamo;
        this.overrides = overrides;
        this.clock = clock;
    }

    /** The function's environment as it runs locally. */
    public Env env(String functionId) {
        return withOverrides(template.function(functionId).env());
    }

    /** The environment every function shares (Globals plus the local overrides). */
    public Env sharedEnv() {
        return withOverrides(template.globalEnv());
    }

    private Env withOverrides(Map<String, String> templateEnv) {
        Map<String, String> env = new LinkedHashMap<>(templateEnv);
        env.putAll(overrides);
        return new Env(env);
    }

    public Platform platform(String functionId) {
        return platforms.computeIfAbsent(functionId, id -> platform(env(id)));
    }

    /** A Platform on the shared environment, for seeding and tests that are not about one function. */
    public Platform sharedPlatform() {
        return platforms.computeIfAbsent("", id -> platform(sharedEnv()));
    }

    private Platform platform(Env env) {
        // Locally, mail goes only where SES_ENDPOINT says (the local capture, or an endpoint you chose).
        return new Platform(env, dynamo, () -> {
            if (env.optional("SES_ENDPOINT").isEmpty()) {
                throw new IllegalStateException("SES_ENDPOINT is not set: the local cloud never sends to SES on its own");
            }
            return Platform.sesClient(env);
        }, clock);
    }

    /** The clock every platform made from now on gets (a test's clock); the handlers made so far are dropped. */
    public void useClock(Clock clock) {
        this.clock = clock;
        forgetInstances();
    }

    /** Drops the platforms and handlers made so far, so the next use sees changed overrides. */
    public void forgetInstances() {
        platforms.clear();
        handlers.clear();
    }

    /** The function's handler instance (made once). */
    public Object handler(String functionId) {
        return handlers.computeIfAbsent(functionId, this::instantiate);
    }

    private Object instantiate(String functionId) {
        String className = template.function(functionId).handlerClass();
        try {
            Class<?> type = Class.forName(className);
            return type.getConstructor(Platform.class).newInstance(platform(functionId));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Handler class " + className + " of " + functionId + " is not on the classpath", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(className + " needs a public constructor taking a Platform", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(className + " failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Invokes the function's handler method with {@code event} and a fresh context; returns what it returns. */
    public Object invoke(String functionId, Object event) {
        Object handler = handler(functionId);
        Method method = handlerMethod(handler.getClass(), template.function(functionId).handlerMethod(), event);
        try {
            Object[] args = method.getParameterCount() == 2
                    ? new Object[] {event, new LocalLambdaContext(functionId, UUID.randomUUID().toString())}
                    : new Object[] {event};
            return method.invoke(handler, args);
        } catch (InvocationTargetException e) {
            throw unwrapped(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An API Gateway event as Lambda delivers it: as JSON through the handler's stream entry
     * ({@code name(InputStream, OutputStream, Context)}, which the runtime prefers), so the local cloud reads events
     * the way production does; a handler without one gets the event object.
     */
    public APIGatewayProxyResponseEvent invokeApi(String functionId, APIGatewayProxyRequestEvent event) {
        Object handler = handler(functionId);
        Method stream;
        try {
            stream = handler.getClass().getMethod(template.function(functionId).handlerMethod(),
                    InputStream.class, OutputStream.class, Context.class);
        } catch (NoSuchMethodException e) {
            return (APIGatewayProxyResponseEvent) invoke(functionId, event);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            stream.invoke(handler, new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), output,
                    new LocalLambdaContext(functionId, UUID.randomUUID().toString()));
            JsonNode answer = Json.MAPPER.readTree(ANSWER.createParser(output.toByteArray()));
            Map<String, String> headers = new LinkedHashMap<>();
            answer.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(answer.path("statusCode").isInt() ? answer.get("statusCode").intValue() : null)
                    .withHeaders(headers)
                    .withBody(answer.path("body").isNull() ? null : answer.path("body").asText(null))
                    .withIsBase64Encoded(answer.path("isBase64Encoded").asBoolean(false));
        } catch (InvocationTargetException e) {
            throw unwrapped(e);
        } catch (IllegalAccessException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public method {@code name(Event[, Context])} that accepts {@code event}, most specific first. */
    static Method handlerMethod(Class<?> type, String name, Object event) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                .filter(m -> m.getParameterCount() == 1 || (m.getParameterCount() == 2
                        && m.getParameterTypes()[1] == Context.class))
                .filter(m -> event == null || m.getParameterTypes()[0].isInstance(event))
                .min(Comparator.comparing(Method::isBridge).thenComparing(m -> m.getParameterTypes()[0] == Object.class))
                .orElseThrow(() -> new IllegalStateException(type.getName() + " has no " + name + " method taking "
                        + (event == null ? "this event" : event.getClass().getSimpleName())));
    }

    /** What the handler threw, as it threw it where it can be rethrown unchecked. */
    private static RuntimeException unwrapped(InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getCause());
    }
}
