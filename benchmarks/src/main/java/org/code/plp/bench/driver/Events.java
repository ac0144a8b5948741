package org.code.plp.bench.driver;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

/** Sample events, read by the managed runtime's own serializer (aws-lambda-java-serialization). */
public final class Events {
    private Events() {
    }

    public static Object readLikeLambda(String eventType, String json) throws ClassNotFoundException {
        Class<?> type = Class.forName(eventType);
        return LambdaEventSerializers.serializerFor(type, type.getClassLoader()).fromJson(json);
    }
}
