package org.code.plp.local.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** SDK v2 stream records -> the lambda-events model Lambda hands a DynamoDB stream function. */
public final class StreamRecords {
    private StreamRecords() {
    }

    public static DynamodbEvent event(List<Record> records, String streamArn) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records.stream().map(r -> record(r, streamArn)).toList());
        return event;
    }

    public static DynamodbEvent.DynamodbStreamRecord record(Record source, String streamArn) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(source.eventID());
        record.setEventName(source.eventNameAsString());
        record.setEventVersion(source.eventVersion());
        record.setEventSource(source.eventSource() == null ? "aws:dynamodb" : source.eventSource());
        record.setAwsRegion(source.awsRegion());
        record.setEventSourceARN(streamArn);
        var data = source.dynamodb();
        StreamRecord stream = new StreamRecord()
                .withKeys(map(data.keys()))
                .withSequenceNumber(data.sequenceNumber())
                .withSizeBytes(data.sizeBytes());
        if (data.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(data.approximateCreationDateTime()));
        }
        if (data.hasNewImage()) {
            stream.setNewImage(map(data.newImage()));
        }
        if (data.hasOldImage()) {
            stream.setOldImage(map(data.oldImage()));
        }
        if (data.streamViewTypeAsString() != null) {
            stream.setStreamViewType(StreamViewType.fromValue(data.streamViewTypeAsString()));
        }
        record.setDynamodb(stream);
        return record;
    }

    static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> map(
            Map<String, AttributeValue> values) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out = new LinkedHashMap<>();
        values.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        return switch (v.type()) {
            case S -> out.withS(v.s());
            case N -> out.withN(v.n());
            case B -> out.withB(v.b().asByteBuffer());
            case SS -> out.withSS(v.ss());
            case NS -> out.withNS(v.ns());
            case BS -> out.withBS(v.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case M -> out.withM(map(v.m()));
            case L -> out.withL(v.l().stream().map(StreamRecords::value).toList());
            case BOOL -> out.withBOOL(v.bool());
            case NUL -> out.withNULL(true);
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("Unknown attribute value " + v);
        };
    }
}
