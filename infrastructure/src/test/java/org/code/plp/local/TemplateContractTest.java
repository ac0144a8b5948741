package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.code.plp.TableCatalog;
import org.code.plp.platform.Platform;
import org.junit.jupiter.api.Test;

/** template.yaml and the code agree: handlers, their shapes, tables, keys and indexes. */
class TemplateContractTest {
    private final TemplateModel template = TemplateModel.load();

    @Test
    void everyHandlerExistsWithTheConstructorsAndMethodItsEventsNeed() throws Exception {
        assertFalse(template.functions().isEmpty());
        for (TemplateModel.Function function : template.functions()) {
            Class<?> type = Class.forName(function.handlerClass());
            assertTrue(Modifier.isPublic(type.getModifiers()), function.logicalId());
            assertNotNull(type.getConstructor(), function.handlerClass() + " needs a public no-arg constructor for Lambda");
            assertNotNull(type.getConstructor(Platform.class), function.handlerClass() + " needs a public (Platform) constructor");
            for (Class<?> event : eventTypes(function.logicalId())) {
                Method method = handlerMethod(type, function.handlerMethod(), event);
                if (event == APIGatewayProxyRequestEvent.class) {
                    assertTrue(APIGatewayProxyResponseEvent.class.isAssignableFrom(method.getReturnType()),
                            function.logicalId() + " must answer an APIGatewayProxyResponseEvent");
                }
            }
        }
    }

    private List<Class<?>> eventTypes(String functionId) {
        List<Class<?>> types = new ArrayList<>();
        if (template.apiRoutes().stream().anyMatch(r -> r.functionId().equals(functionId))) {
            types.add(APIGatewayProxyRequestEvent.class);
        }
        if (template.streamEvents().stream().anyMatch(e -> e.functionId().equals(functionId))) {
            types.add(DynamodbEvent.class);
        }
        return types;
    }

    private static Method handlerMethod(Class<?> type, String name, Class<?> event) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class
                        && m.getParameterTypes()[0].isAssignableFrom(event) && m.getParameterTypes()[0] != Object.class)
                .findFirst()
                .orElseGet(() -> fail(type.getName() + " has no public " + name + "(" + event.getSimpleName() + ", Context)"));
    }

    @Test
    void everyTableTheCodeUsesIsDeclaredWithItsKeysAndIndexes() {
        for (TableCatalog.TableUse use : TableCatalog.ALL) {
            for (TemplateModel.Function function : template.functions()) {
                assertNotNull(function.env().get(use.variable()), function.logicalId() + " lacks " + use.variable());
            }
            String name = template.globalEnv().get(use.variable());
            TemplateModel.Table table = template.tableNamed(name)
                    .orElseGet(() -> fail(use.variable() + " names " + name + ", which is no table of the template"));
            assertEquals(keys(use.partitionKey(), use.sortKey()), keys(table.keySchema()), use.variable() + " primary key");
            use.indexes().forEach((indexName, indexKeys) -> {
                TemplateModel.Index index = table.index(indexName)
                        .orElseGet(() -> fail(table.logicalId() + " has no index " + indexName + " that the code queries"));
                assertEquals(keys(indexKeys.get(0), indexKeys.get(1)), keys(index.keySchema()), table.logicalId() + "." + indexName);
                for (String attribute : keys(index.keySchema())) {
                    assertTrue(table.attributeTypes().containsKey(attribute), attribute + " undefined in " + table.logicalId());
                }
            });
        }
    }

    private static List<String> keys(String hash, String range) {
        return range == null ? List.of(hash) : List.of(hash, range);
    }

    private static List<String> keys(List<TemplateModel.KeyElement> schema) {
        List<String> keys = new ArrayList<>();
        schema.stream().filter(TemplateModel.KeyElement::isHash).forEach(k -> keys.add(k.attribute()));
        schema.stream().filter(k -> !k.isHash()).forEach(k -> keys.add(k.attribute()));
        return keys;
    }

    @Test
    void everyFunctionHasASampleEvent() throws IOException {
        for (TemplateModel.Function function : template.functions()) {
            String name = function.logicalId().replaceFirst("Function$", "");
            Path event = ProjectPaths.root().resolve("events").resolve(name + ".json");
            assertTrue(Files.isRegularFile(event), "missing " + event);
            org.code.plp.platform.Json.read(Files.readString(event));
        }
    }
}
