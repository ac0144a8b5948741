package org.code.plp.bench.driver;

/** Sample events, read as Lambda's runtime reads them (see {@link RuntimeJackson}). */
public final class Events {
    private Events() {
    }

    public static Object readLikeLambda(String eventType, String json) throws ClassNotFoundException {
        return RuntimeJackson.read(json, Class.forName(eventType));
    }
}
