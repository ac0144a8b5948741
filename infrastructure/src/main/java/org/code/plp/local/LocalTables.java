package org.code.plp.local;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * Creates every AWS::DynamoDB::Table of the template, as declared: keys, GSIs, stream, TTL.
 * The low-level client is used because the Enhanced Client's createTable cannot set a stream.
 * Idempotent: a table that exists already is left as it is.
 */
public final class LocalTables {
    private LocalTables() {
    }

    /** Creates the missing tables; returns the names of those it created. */
    public static List<String> createAll(DynamoDbClient dynamo, TemplateModel template) {
        List<String> created = new ArrayList<>();
        for (TemplateModel.Table table : template.tables()) {
            if (create(dynamo, table)) {
                created.add(table.name());
            }
        }
        return created;
    }

    public static boolean create(DynamoDbClient dynamo, TemplateModel.Table table) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keys(table.keySchema()))
                .attributeDefinitions(table.attributeTypes().entrySet().stream()
                        .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                        .toList());
        if (!table.globalIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalIndexes().stream().map(LocalTables::index).toList());
        }
        if (table.streamViewType() != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(table.streamViewType()).build());
        }
        try {
            dynamo.createTable(request.build());
        } catch (ResourceInUseException exists) {
            return false;
        }
        if (table.ttlAttribute() != null) {
            try {
                dynamo.updateTimeToLive(r -> r.tableName(table.name()).timeToLiveSpecification(
                        TimeToLiveSpecification.builder().attributeName(table.ttlAttribute()).enabled(true).build()));
            } catch (RuntimeException unsupported) {
                // TTL is bookkeeping only: an endpoint without it still runs everything else.
            }
        }
        return true;
    }

    private static GlobalSecondaryIndex index(TemplateModel.Index index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return GlobalSecondaryIndex.builder().indexName(index.name()).keySchema(keys(index.keySchema()))
                .projection(projection.build()).build();
    }

    private static List<KeySchemaElement> keys(List<TemplateModel.KeyElement> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attribute()).keyType(k.keyType()).build()).toList();
    }
}
