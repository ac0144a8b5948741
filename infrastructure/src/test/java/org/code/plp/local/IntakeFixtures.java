package org.code.plp.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
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
        RegionItem region = new RegionItem();
        region.setRegionId(TestCloud.uniqueId("region"));
        region.setName("Test Region " + region.getRegionId());
        region.setCity("Testville " + region.getRegionId());
        region.setState("LA");
        region.setLat(30.0);
        region.setLng(-90.0);
        region.setStatus(status);
        region.setProgramsSought(List.of("csp"));
        new RegionRepository(platform).put(region);
        return region;
    }

    static RegionItem openRegion(Platform platform) {
        return region(platform, RegionStatus.SEEKING_PARTNER);
    }

    /** The README's example application, for {@code regionId}. */
    static ObjectNode application(String regionId) {
        ObjectNode body = (ObjectNode) Json.read("""
                {"regionId":"new-orleans-la",
                 "organization":{"name":"Crescent City STEM","type":"nonprofit",
                   "address":{"street":"1 Canal St","city":"New Orleans","state":"LA","zip":"70112"},"phone":"504-555-0100"},
                 "programManager":{"firstName":"Ada","lastName":"Lovelace","email":"ada@example.org","phone":"504-555-0101"},
                 "programs":["csp"],"districtRelationships":"12 districts","pdExperience":"10 years","fundingPlan":"Grants",
                 "agreedToTerms":true}
                """);
        body.put("regionId", regionId);
        return body;
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
