package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateModelTest {
    private final TemplateModel template = TemplateModel.load();

    @Test
    void shortFormTagsBecomeTheLongForm() {
        Map<String, Object> doc = CloudFormationYaml.read(new StringReader("""
                a: !Ref Thing
                b: !GetAtt Table.StreamArn
                c: !Sub "x-${Stage}"
                d: !Join [",", [!Ref A, b]]
                e: !If [IsProd, 1, 2]
                """));
        assertEquals(Map.of("Ref", "Thing"), doc.get("a"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Table", "StreamArn")), doc.get("b"));
        assertEquals(Map.of("Fn::Sub", "x-${Stage}"), doc.get("c"));
        assertEquals(Map.of("Fn::Join", List.of(",", List.of(Map.of("Ref", "A"), "b"))), doc.get("d"));
        assertEquals(Map.of("Fn::If", List.of("IsProd", 1, 2)), doc.get("e"));
    }

    @Test
    void tablesCarryKeysIndexesAndStreams() {
        TemplateModel.Table applications = template.table("ApplicationsTable");
        assertEquals("id", applications.keySchema().getFirst().attribute());
        assertTrue(applications.index("byRegionStatus").isPresent());
        assertEquals("S", applications.attributeTypes().get("submittedAt"));
        assertEquals("OLD_IMAGE", applications.streamViewType(), "expired applications reach RetentionFunction with their last image");
        assertEquals("expiresAt", applications.ttlAttribute());
        assertEquals("NEW_AND_OLD_IMAGES", template.table("OutboxTable").streamViewType());
        assertEquals("expiresAt", template.table("IdempotencyTable").ttlAttribute());
    }

    @Test
    void functionEnvironmentResolvesRefsToLocalNamesAndParameterDefaults() {
        TemplateModel.Function submit = template.function("SubmitApplicationFunction");
        assertEquals("org.code.plp.applications.SubmitApplicationHandler", submit.handlerClass());
        assertEquals("handleRequest", submit.handlerMethod());
        assertEquals(template.tableName("ApplicationsTable"), submit.env().get("APPLICATIONS_TABLE"));
        assertEquals("dev", submit.env().get("STAGE"));
        // No SiteDomain by default: the site is the distribution's domain, "localhost" in a local run.
        assertEquals("https://localhost", submit.env().get("ALLOWED_ORIGIN"));
    }

    @Test
    void apiRoutesKnowWhichNeedStaff() {
        var submit = template.apiRoutes().stream().filter(r -> r.path().equals("/applications")).findFirst().orElseThrow();
        assertEquals("POST", submit.method());
        assertEquals("SubmitApplicationFunction", submit.functionId());
        assertFalse(submit.staffOnly());
        template.apiRoutes().stream().filter(r -> r.path().startsWith("/admin"))
                .forEach(r -> assertTrue(r.staffOnly(), r.path()));
    }

    @Test
    void corsAndGatewayResponsesAreUnquoted() {
        assertEquals("https://localhost", template.cors().orElseThrow().allowOrigin());
        assertEquals("600", template.cors().orElseThrow().maxAge());
        var unauthorized = template.gatewayResponse("UNAUTHORIZED").orElseThrow();
        assertEquals(401, unauthorized.status());
        assertEquals("application/problem+json", unauthorized.headers().get("Content-Type"));
    }

    @Test
    void streamAndScheduleEventsAreRead() {
        TemplateModel model = TemplateModel.read(new StringReader("""
                Parameters: {Stage: {Type: String, Default: dev}}
                Conditions: {IsProd: !Equals [!Ref Stage, prod]}
                Resources:
                  Box:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "box-${Stage}"
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      StreamSpecification: {StreamViewType: NEW_IMAGE}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Environment: {Variables: {T: !Ref Box, P: !If [IsProd, big, small]}}
                      Events:
                        S: {Type: DynamoDB, Properties: {Stream: !GetAtt Box.StreamArn, BatchSize: 10,
                            FunctionResponseTypes: [ReportBatchItemFailures]}}
                        Tick: {Type: Schedule, Properties: {Schedule: rate(5 minutes)}}
                """));
        assertEquals("box-dev", model.function("Fn").env().get("T"));
        assertEquals("small", model.function("Fn").env().get("P"));
        var stream = model.streamEvents().getFirst();
        assertEquals("Box", stream.tableLogicalId());
        assertEquals(10, stream.batchSize());
        assertTrue(stream.reportsBatchItemFailures());
        assertEquals("rate(5 minutes)", model.scheduleEvents().getFirst().expression());
    }
}
