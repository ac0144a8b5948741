package org.code.plp.local.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.code.plp.local.LocalContext;
import org.code.plp.local.TemplateModel;
import org.code.plp.platform.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB event source mapping, locally: reads a table's DynamoDB Local stream shard by
 * shard (parents before children), hands batches of up to BatchSize records to the function as a
 * real {@link DynamodbEvent}, and on failure re-delivers from the lowest failed sequence number
 * (ReportBatchItemFailures) or from the batch's start (a thrown error; halving the batch when
 * BisectBatchOnFunctionError), with backoff, until MaximumRetryAttempts; then it moves on as
 * Lambda does (in the cloud the batch's description goes to the on-failure destination).
 * FilterCriteria patterns on {@code eventName} are honoured.
 */
public final class StreamPoller {
    private static final long IDLE_MILLIS = 200;
    private static final long SHARD_REFRESH_MILLIS = 1000;

    private final DynamoDbClient dynamo;
    private final TemplateModel.StreamEvent mapping;
    private final DynamoDbStreamsClient streams;
    private final Function<DynamodbEvent, Object> function;
    private final String tableName;
    private final int batchSize;
    private final int maxRetries;
    private final boolean bisect;
    private final boolean reportsFailures;
    private final ShardIteratorType startingPosition;
    private final Optional<Set<String>> eventNames;
    private final Map<String, ShardState> shards = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private String streamArn;
    private long refreshedAt;
    private volatile boolean running;
    private Thread thread;

    private static final class ShardState {
        final String id;
        final String parent;
        String iterator;
        String lastSequence;
        int retries;
        int limit;

        ShardState(String id, String parent, int limit) {
            this.id = id;
            this.parent = parent;
            this.limit = limit;
        }
    }

    /** The template's mapping, invoking its function through the local cloud. */
    public StreamPoller(LocalContext context, TemplateModel.StreamEvent mapping) {
        this(context.dynamo(), context.dynamoStreams(), context.template().tableName(mapping.tableLogicalId()), mapping,
                event -> context.functions().invoke(mapping.functionId(), event));
    }

    public StreamPoller(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String tableName,
                        TemplateModel.StreamEvent mapping, Function<DynamodbEvent, Object> function) {
        this.dynamo = dynamo;
        this.mapping = mapping;
        this.streams = streams;
        this.function = function;
        this.tableName = tableName;
        Map<String, Object> p = mapping.properties();
        this.batchSize = mapping.batchSize();
        this.maxRetries = p.containsKey("MaximumRetryAttempts") ? Integer.parseInt(String.valueOf(p.get("MaximumRetryAttempts"))) : -1;
        this.bisect = Boolean.parseBoolean(String.valueOf(p.get("BisectBatchOnFunctionError")));
        this.reportsFailures = mapping.reportsBatchItemFailures();
        this.startingPosition = "LATEST".equals(String.valueOf(p.get("StartingPosition")))
                ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        this.eventNames = eventNameFilter(p.get("FilterCriteria"));
    }

    public String describe() {
        return tableName + " stream -> " + mapping.functionId() + " (batch " + batchSize + ", retries "
                + (maxRetries < 0 ? "unbounded" : maxRetries) + ")";
    }

    public void start() {
        streamArn = dynamo.describeTable(r -> r.tableName(tableName)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("Table " + tableName + " has no stream for " + mapping.functionId());
        }
        refreshShards(true);
        running = true;
        thread = new Thread(this::loop, "stream-" + mapping.functionId());
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!pollOnce()) {
                    Thread.sleep(IDLE_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                System.err.println("Stream poller " + mapping.functionId() + ": " + e);
                sleepQuietly(1000);
            }
        }
    }

    private boolean pollOnce() throws InterruptedException {
        if (System.currentTimeMillis() - refreshedAt > SHARD_REFRESH_MILLIS) {
            refreshShards(false);
        }
        boolean worked = false;
        for (ShardState shard : new ArrayList<>(shards.values())) {
            if (shard.parent == null || finished.contains(shard.parent) || !shards.containsKey(shard.parent)) {
                worked |= poll(shard);
            }
        }
        return worked;
    }

    private void refreshShards(boolean initial) {
        String start = null;
        do {
            String from = start;
            var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(from)).streamDescription();
            for (Shard shard : description.shards()) {
                if (!shards.containsKey(shard.shardId()) && !finished.contains(shard.shardId())) {
                    ShardState state = new ShardState(shard.shardId(), shard.parentShardId(), batchSize);
                    // Shards found later are children of ones already read: read them from their start.
                    state.iterator = iterator(state, initial ? startingPosition : ShardIteratorType.TRIM_HORIZON, null);
                    shards.put(shard.shardId(), state);
                }
            }
            start = description.lastEvaluatedShardId();
        } while (start != null);
        refreshedAt = System.currentTimeMillis();
    }

    private String iterator(ShardState shard, ShardIteratorType type, String sequence) {
        return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.id).shardIteratorType(type)
                .sequenceNumber(sequence)).shardIterator();
    }

    /** Reads one batch of the shard and delivers it; false when there was nothing to read. */
    private boolean poll(ShardState shard) throws InterruptedException {
        if (shard.iterator == null) {
            done(shard);
            return false;
        }
        GetRecordsResponse response;
        try {
            response = streams.getRecords(r -> r.shardIterator(shard.iterator).limit(shard.limit));
        } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
            shard.iterator = shard.lastSequence == null ? iterator(shard, ShardIteratorType.TRIM_HORIZON, null)
                    : iterator(shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, shard.lastSequence);
            return true;
        }
        List<Record> records = response.records();
        if (records.isEmpty()) {
            shard.iterator = response.nextShardIterator();
            if (shard.iterator == null) {
                done(shard);
            }
            return false;
        }
        List<Record> delivered = records.stream().filter(this::passesFilter).toList();
        Optional<String> retryFrom = delivered.isEmpty() ? Optional.empty() : deliver(shard, delivered);
        if (retryFrom.isEmpty()) {
            checkpoint(shard, records, response.nextShardIterator());
            return true;
        }
        shard.retries++;
        if (maxRetries >= 0 && shard.retries > maxRetries) {
            System.err.println("Stream poller " + mapping.functionId() + ": giving up on " + records.size()
                    + " record(s) from " + retryFrom.get() + " after " + maxRetries + " retries (in the cloud: on-failure destination)");
            checkpoint(shard, records, response.nextShardIterator());
            return true;
        }
        Thread.sleep(Math.min(2000, IDLE_MILLIS << Math.min(4, shard.retries - 1)));
        shard.iterator = iterator(shard, ShardIteratorType.AT_SEQUENCE_NUMBER, retryFrom.get());
        return true;
    }

    private void checkpoint(ShardState shard, List<Record> records, String next) {
        shard.lastSequence = records.getLast().dynamodb().sequenceNumber();
        shard.retries = 0;
        shard.limit = batchSize;
        shard.iterator = next;
        if (next == null) {
            done(shard);
        }
    }

    private void done(ShardState shard) {
        shards.remove(shard.id);
        finished.add(shard.id);
    }

    /** Invokes the function; the sequence number to re-deliver from, or empty when the batch is done. */
    private Optional<String> deliver(ShardState shard, List<Record> records) {
        DynamodbEvent event = StreamRecords.event(records, streamArn);
        Object result;
        try {
            result = function.apply(event);
        } catch (RuntimeException error) {
            System.err.println("Stream poller " + mapping.functionId() + ": function error " + error);
            if (bisect && records.size() > 1) {
                shard.limit = Math.max(1, records.size() / 2);
            }
            return Optional.of(records.getFirst().dynamodb().sequenceNumber());
        }
        if (reportsFailures && result instanceof StreamsEventResponse response && response.getBatchItemFailures() != null) {
            return response.getBatchItemFailures().stream()
                    .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                    .filter(id -> id != null && !id.isBlank())
                    .min((a, b) -> new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b)));
        }
        return Optional.empty();
    }

    private boolean passesFilter(Record record) {
        return eventNames.map(names -> names.contains(record.eventNameAsString())).orElse(true);
    }

    private static Optional<Set<String>> eventNameFilter(Object criteria) {
        if (!(criteria instanceof Map<?, ?> map) || !(map.get("Filters") instanceof List<?> filters)) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        for (Object filter : filters) {
            if (filter instanceof Map<?, ?> f && f.get("Pattern") != null) {
                JsonNode pattern = Json.read(String.valueOf(f.get("Pattern")));
                if (pattern.size() != 1 || !pattern.has("eventName")) {
                    return Optional.empty(); // a pattern we cannot judge locally: deliver everything
                }
                pattern.get("eventName").forEach(n -> names.add(n.asText()));
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(names);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
