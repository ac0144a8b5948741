package org.code.plp.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Valid forms and fresh regions for the intake tests, and reads of what got stored. */
final class IntakeFixtures {
    private IntakeFixtures() {
    }

    /** A region of its own for a test, so its counters and index partitions hold only that test's records. */
    static RegionItem region(Platform platform, RegionStatus status) {
        String id = TestCloud.uniqueId("region");
        RegionItem region = TestRegions.seeking(id, "Test Region " + id);
        region.setState("LA");
        region.setStatus(status);
        return TestRegions.store(platform, region);
    }

    static RegionItem openRegion(Platform platform) {
        return region(platform, RegionStatus.SEEKING_PARTNER);
    }

    /** A valid application for {@code regionId}: Crescent City STEM, its program manager Ada Lovelace. */
    static ObjectNode application(String regionId) {
        return (ObjectNode) Json.tree(TestForms.application(regionId, "Crescent City STEM", "Ada", "Lovelace", "ada@example.org"));
    }

    static ObjectNode interest(String city) {
        ObjectNode body = Json.object();
        body.put("email", TestCloud.uniqueId("visitor") + "@example.org");
        body.put("zip", "59601");
        body.put("role", "teacher");
        body.put("city", city);
        body.put("state", "MT");
        body.putArray("gradeLevels").add("6-8");
        return body;
    }

    /** How many items the index partition holds (a Query, as the code does). */
    static int countInIndex(DynamoDbClient dynamo, String table, String index, String attribute, String value) {
        return dynamo.query(QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#k = :v")
                .expressionAttributeNames(Map.of("#k", attribute))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)))
                .select("COUNT").build()).count();
    }

    static Map<String, AttributeValue> item(DynamoDbClient dynamo, String table, String keyName, String key) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(keyName, AttributeValue.fromS(key))));
        return response.hasItem() ? response.item() : Map.of();
    }
}
