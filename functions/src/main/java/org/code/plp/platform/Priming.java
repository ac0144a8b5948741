package org.code.plp.platform;

import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * SnapStart priming. Before Lambda snapshots an initialised function, run its request path once so
 * the snapshot holds loaded, linked and (C1-)compiled classes instead of paying for them on the first
 * request after every restore. Priming never writes: it reads a key that cannot exist, round-trips
 * JSON, and runs a request the handler rejects or only reads (see ApiHandler#primingEvent).
 * A failure fails the checkpoint (see {@link #prime()}).
 */
public final class Priming implements Resource {
    /** A regionId no region can have (ids are lower-case slugs). */
    public static final String MISSING_KEY = "#priming";

    private final Platform platform;
    private final Runnable requestPath;
    private int runs;

    private Priming(Platform platform, Runnable requestPath) {
        this.platform = platform;
        this.requestPath = requestPath;
    }

    /**
     * Registers a priming hook with the CRaC global context (a no-op outside a CRaC / SnapStart JVM).
     * The caller keeps the returned hook in a field: the context holds resources weakly.
     */
    public static Priming register(Platform platform, Runnable requestPath) {
        Priming priming = new Priming(platform, requestPath);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the SDK's default credentials chain and clock survive a restore.
    }

    /**
     * Runs the priming once. A failure is not swallowed: it fails the checkpoint, so Lambda refuses to publish
     * the version (a priming bug, e.g. a read the function's policy denies, shows at deploy, not as slow restores).
     */
    public void prime() {
        Json.read(Json.write(Map.of("priming", List.of(1, "two", true), "at", platform.clock().instant().toString())));
        platform.env().optional("REGIONS_TABLE").ifPresent(table -> platform.dynamo().getItem(GetItemRequest.builder()
                .tableName(table)
                .key(Map.of("regionId", AttributeValue.fromS(MISSING_KEY)))
                .build()));
        requestPath.run();
        runs++;
    }

    /** How many times priming ran to the end. */
    public int runs() {
        return runs;
    }
}
