package org.code.plp.platform;

import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * SnapStart priming. Before Lambda snapshots an initialised function, run its request path once so
 * the snapshot holds loaded, linked and (C1-)compiled classes instead of paying for them on the first
 * request after every restore. Priming never writes: it reads a key that cannot exist, round-trips
 * JSON, and runs a request the handler rejects or only reads (see ApiHandler#primingEvent).
 * It reads only a table its function may read ({@link Read}). A failure fails the checkpoint (see {@link #prime()}).
 */
public final class Priming implements Resource {
    /** A regionId no region can have (ids are lower-case slugs). */
    public static final String MISSING_KEY = "#priming";

    /**
     * A table the function reads and its partition key: priming gets a missing key from it; or, with an
     * {@code index}, Queries that index for a missing partition (a function that only Queries an index).
     */
    public record Read(String tableVariable, String index, String keyAttribute) {
        public static final Read REGIONS = new Read("REGIONS_TABLE", null, "regionId");
        public static final Read APPLICATIONS = new Read("APPLICATIONS_TABLE", null, "id");
        public static final Read OUTBOX = new Read("OUTBOX_TABLE", null, "outboxId");
        public static final Read ACCESS_TOKENS = new Read("ACCESS_TOKENS_TABLE", null, "tokenHash");
        public static final Read INTEREST_BY_STATE = new Read("INTEREST_TABLE", "byState", "state");
        public static final Read DRAFT_REMINDERS = new Read("DRAFTS_TABLE", "byReminder", "reminder");
    }

    private final Platform platform;
    private final Read read;
    private final Runnable requestPath;
    private int runs;

    private Priming(Platform platform, Read read, Runnable requestPath) {
        this.platform = platform;
        this.read = read;
        this.requestPath = requestPath;
    }

    /**
     * Registers a priming hook with the CRaC global context (a no-op outside a CRaC / SnapStart JVM).
     * The caller keeps the returned hook in a field: the context holds resources weakly.
     */
    public static Priming register(Platform platform, Read read, Runnable requestPath) {
        Priming priming = new Priming(platform, read, requestPath);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** A hook whose request path does its own reads (none of a table named here). */
    public static Priming register(Platform platform, Runnable requestPath) {
        return register(platform, null, requestPath);
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
        if (read != null && read.index() != null) {
            platform.dynamo().query(QueryRequest.builder()
                    .tableName(platform.table(read.tableVariable()))
                    .indexName(read.index())
                    .keyConditionExpression("#k = :k")
                    .expressionAttributeNames(Map.of("#k", read.keyAttribute()))
                    .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(MISSING_KEY)))
                    .limit(1)
                    .build());
        } else if (read != null) {
            platform.dynamo().getItem(GetItemRequest.builder()
                    .tableName(platform.table(read.tableVariable()))
                    .key(Map.of(read.keyAttribute(), AttributeValue.fromS(MISSING_KEY)))
                    .build());
        }
        requestPath.run();
        runs++;
    }

    /** How many times priming ran to the end. */
    public int runs() {
        return runs;
    }
}
