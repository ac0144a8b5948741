package org.code.plp.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The runtime's own floor: a stream handler reads the event's bytes and writes a constant, so the
 * runtime's event serializer (its shaded Jackson and the event mix-ins) never loads.
 */
public final class StreamHandlerFloor implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write("{\"statusCode\":200,\"body\":\"{\\\"ok\\\":true}\"}".getBytes(StandardCharsets.UTF_8));
    }
}
