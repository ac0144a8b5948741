package org.code.plp.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.code.plp.local.TemplateModel;
import org.code.plp.local.TestCloud;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Every function of template.yaml registers a SnapStart priming hook, and running it (what
 * beforeCheckpoint does) reads through DynamoDB but writes nothing and sends no email.
 */
class SnapStartPrimingTest {
    private static final Set<String> WRITES = Set.of("putItem", "updateItem", "deleteItem", "transactWriteItems",
            "batchWriteItem", "executeStatement", "batchExecuteStatement", "executeTransaction");

    private final TestCloud cloud = TestCloud.shared();

    static Stream<String> functions() {
        return TestCloud.shared().template().functions().stream().map(TemplateModel.Function::logicalId);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void primingReadsAndWritesNothing(String functionId) throws Exception {
        TemplateModel.Function function = cloud.template().function(functionId);
        List<String> dynamoCalls = Collections.synchronizedList(new ArrayList<>());
        List<String> sesCalls = Collections.synchronizedList(new ArrayList<>());
        DynamoDbClient recording = recording(DynamoDbClient.class, cloud.dynamo(), dynamoCalls);
        SesV2Client noMail = recording(SesV2Client.class, null, sesCalls);
        Platform platform = new Platform(cloud.platform(functionId).env(), recording, () -> noMail, Clock.systemUTC());

        Object handler = Class.forName(function.handlerClass()).getConstructor(Platform.class).newInstance(platform);
        Priming priming = (Priming) handler.getClass().getMethod("priming").invoke(handler);
        assertNotNull(priming, functionId + " registers no priming hook");

        Map<String, List<Map<String, AttributeValue>>> before = contents();
        dynamoCalls.clear();
        priming.prime();

        assertEquals(1, priming.runs());
        assertTrue(dynamoCalls.stream().anyMatch(c -> c.equals("getItem") || c.startsWith("query")),
                functionId + " priming made no DynamoDB read: " + dynamoCalls);
        assertFalse(dynamoCalls.stream().anyMatch(WRITES::contains), functionId + " priming wrote: " + dynamoCalls);
        assertTrue(sesCalls.stream().noneMatch(c -> c.startsWith("send")), functionId + " priming sent email: " + sesCalls);
        assertEquals(before, contents(), functionId + " priming changed a table");
    }

    private Map<String, List<Map<String, AttributeValue>>> contents() {
        Map<String, List<Map<String, AttributeValue>>> tables = new java.util.TreeMap<>();
        for (TemplateModel.Table table : cloud.template().tables()) {
            tables.put(table.name(), cloud.dynamo().scanPaginator(r -> r.tableName(table.name())).items().stream().toList());
        }
        return tables;
    }

    /** A client that records each call's method name and passes it to {@code target} (none: answers null). */
    private static <T> T recording(Class<T> type, T target, List<String> calls) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "recording " + type.getSimpleName() : method.invoke(target == null ? calls : target, args);
            }
            calls.add(method.getName());
            if (target == null) {
                return null;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
