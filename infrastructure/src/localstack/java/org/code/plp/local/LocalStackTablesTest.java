package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** The template's tables, keys, GSIs and streams create the same on LocalStack's DynamoDB. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackTablesTest {
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse(LocalStackBackend.IMAGE).asCompatibleSubstituteFor("localstack/localstack")).withServices("dynamodb");

    @Test
    void everyTemplateTableIsCreatedWithItsIndexesAndStream() {
        TemplateModel template = TemplateModel.load();
        try (LocalDynamo dynamo = LocalDynamo.endpoint(LOCALSTACK.getEndpoint())) {
            List<String> created = LocalTables.createAll(dynamo.client(), template);
            assertEquals(template.tables().size(), created.size());
            assertEquals(List.of(), LocalTables.createAll(dynamo.client(), template), "idempotent");
            for (TemplateModel.Table table : template.tables()) {
                var description = dynamo.client().describeTable(r -> r.tableName(table.name())).table();
                assertEquals(table.globalIndexes().size(), description.globalSecondaryIndexes().size(), table.name());
                if (table.streamViewType() != null) {
                    assertNotNull(description.latestStreamArn(), table.name());
                    assertEquals(table.streamViewType(), description.streamSpecification().streamViewTypeAsString());
                }
            }
        }
    }
}
