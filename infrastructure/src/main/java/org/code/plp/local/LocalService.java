package org.code.plp.local;

/**
 * A local stand-in for a piece of the cloud that is not the API or DynamoDB (an SES capture, a
 * stream poller, a scheduler). Implementations are listed in
 * {@code META-INF/services/org.code.plp.local.LocalService} and started by the local cloud, in the
 * run command and in {@code TestCloud}, after DynamoDB, the tables, the seed and the API are up.
 * Needs a public no-arg constructor.
 */
public interface LocalService {
    /** Starts the service; set environment overrides (e.g. SES_ENDPOINT) here, before handlers are used. */
    void start(LocalContext context) throws Exception;

    /** Stops threads the service started. */
    default void stop() {
    }

    default String name() {
        return getClass().getSimpleName();
    }
}
