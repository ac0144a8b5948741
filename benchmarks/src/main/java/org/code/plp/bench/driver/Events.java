package org.code.plp.bench.driver;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sample event JSON to the Lambda event classes, by hand (see {@link MiniJson} for why not Jackson). */
public final class Events {
    private Events() {
    }

    /** The event as the Lambda runtime would hand it over (see {@link RuntimeJackson}). */
    public static Object readLikeLambda(String eventType, String json) throws ClassNotFoundException {
        return RuntimeJackson.read(json, Class.forName(eventType));
    }

    public static Object read(String eventType, String json) {
        Map<String, Object> root = map(MiniJson.parse(json));
        return switch (eventType) {
            case "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent" -> apiGateway(root);
            case "com.amazonaws.services.lambda.runtime.events.DynamodbEvent" -> dynamodb(root);
            default -> throw new IllegalArgumentException("No reader for event type " + eventType);
        };
    }

    static APIGatewayProxyRequestEvent apiGateway(Map<String, Object> root) {
        var event = new APIGatewayProxyRequestEvent();
        event.setResource(str(root.get("resource")));
        event.setPath(str(root.get("path")));
        event.setHttpMethod(str(root.get("httpMethod")));
        event.setHeaders(strings(root.get("headers")));
        event.setQueryStringParameters(strings(root.get("queryStringParameters")));
        event.setPathParameters(strings(root.get("pathParameters")));
        event.setStageVariables(strings(root.get("stageVariables")));
        event.setBody(str(root.get("body")));
        event.setIsBase64Encoded(Boolean.TRUE.equals(root.get("isBase64Encoded")));
        Map<String, Object> context = map(root.get("requestContext"));
        if (context != null) {
            var requestContext = new APIGatewayProxyRequestEvent.ProxyRequestContext();
            requestContext.setRequestId(str(context.get("requestId")));
            requestContext.setResourcePath(str(context.get("resourcePath")));
            requestContext.setHttpMethod(str(context.get("httpMethod")));
            requestContext.setPath(str(context.get("path")));
            requestContext.setStage(str(context.get("stage")));
            requestContext.setAuthorizer(map(context.get("authorizer")));
            event.setRequestContext(requestContext);
        }
        return event;
    }

    static DynamodbEvent dynamodb(Map<String, Object> root) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (Object raw : list(root.get("Records"))) {
            Map<String, Object> r = map(raw);
            var record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID(str(r.get("eventID")));
            record.setEventName(str(r.get("eventName")));
            record.setEventVersion(str(r.get("eventVersion")));
            record.setEventSource(str(r.get("eventSource")));
            record.setAwsRegion(str(r.get("awsRegion")));
            record.setEventSourceARN(str(r.get("eventSourceARN")));
            Map<String, Object> d = map(r.get("dynamodb"));
            var stream = new StreamRecord();
            stream.setKeys(image(d.get("Keys")));
            stream.setNewImage(image(d.get("NewImage")));
            stream.setOldImage(image(d.get("OldImage")));
            stream.setSequenceNumber(str(d.get("SequenceNumber")));
            if (d.get("SizeBytes") instanceof Double size) {
                stream.setSizeBytes(size.longValue());
            }
            if (d.get("StreamViewType") != null) {
                stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(str(d.get("StreamViewType"))));
            }
            if (d.get("ApproximateCreationDateTime") instanceof Double seconds) {
                stream.setApproximateCreationDateTime(new java.util.Date((long) (seconds * 1000)));
            }
            record.setDynamodb(stream);
            records.add(record);
        }
        var event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    private static Map<String, AttributeValue> image(Object raw) {
        if (raw == null) {
            return null;
        }
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        map(raw).forEach((name, value) -> image.put(name, attribute(map(value))));
        return image;
    }

    private static AttributeValue attribute(Map<String, Object> typed) {
        var value = new AttributeValue();
        typed.forEach((type, v) -> {
            switch (type) {
                case "S" -> value.setS(str(v));
                case "N" -> value.setN(str(v));
                case "BOOL" -> value.setBOOL((Boolean) v);
                case "NULL" -> value.setNULL((Boolean) v);
                case "SS" -> value.setSS(list(v).stream().map(Events::str).toList());
                case "NS" -> value.setNS(list(v).stream().map(Events::str).toList());
                case "M" -> value.setM(image(v));
                case "L" -> value.setL(list(v).stream().map(e -> attribute(map(e))).toList());
                default -> throw new IllegalArgumentException("Unsupported attribute type " + type);
            }
        });
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static Map<String, String> strings(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map(value).forEach((k, v) -> out.put(k, str(v)));
        return out;
    }

    private static String str(Object value) {
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return value == null ? null : value.toString();
    }
}
