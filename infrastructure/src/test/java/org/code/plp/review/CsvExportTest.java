package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestHttp;
import org.code.plp.platform.Json;
import org.junit.jupiter.api.Test;

/** GET /admin/applications.csv and /admin/cohort.csv. */
class CsvExportTest {
    private final ReviewFixture fx = new ReviewFixture();

    @Test
    void exportsTheFilteredQueueAsRfc4180WithFormulasNeutralised() {
        String region = fx.region();
        Map<String, Object> tricky = ReviewFixture.form(region, "=cmd|' /C calc'!A0", "Smith, Jr.", "O\"Brien");
        tricky.put("districtRelationships", "Line one,\nline two \"quoted\"\r\nline three");
        tricky.put("fundingPlan", "@SUM(1+1)");
        String trickyId = fx.apply(tricky);
        String plainId = fx.apply(ReviewFixture.form(region, "Plain Org", "Ada", "Lovelace"));
        fx.move(plainId, "pending", 1);

        TestHttp.Response response = fx.http.get("/admin/applications.csv?region=" + region, "Authorization", fx.reviewer);
        assertEquals(200, response.status(), response::toString);
        assertEquals("text/csv; charset=utf-8", response.contentType());
        assertEquals("attachment; filename=\"applications.csv\"", response.header("Content-Disposition").orElseThrow());
        String csv = response.body();
        assertTrue(csv.endsWith("\r\n"));
        List<List<String>> rows = parse(csv);
        assertEquals(3, rows.size(), csv);
        List<String> header = rows.get(0);
        assertEquals(List.copyOf(ReviewService.CSV_COLUMNS), header);
        List<String> trickyRow = rows.stream().filter(r -> r.get(0).equals(trickyId)).findFirst().orElseThrow();
        assertEquals("'=cmd|' /C calc'!A0", trickyRow.get(header.indexOf("organizationName")));
        assertEquals("Smith, Jr. O\"Brien", trickyRow.get(header.indexOf("contactName")));
        assertEquals("Line one,\nline two \"quoted\"\r\nline three", trickyRow.get(header.indexOf("districtRelationships")));
        assertEquals("'@SUM(1+1)", trickyRow.get(header.indexOf("fundingPlan")));
        // Raw text: the quoted cells as RFC 4180 writes them.
        assertTrue(csv.contains(",\"Smith, Jr. O\"\"Brien\","), csv);
        assertTrue(csv.contains("\"Line one,\nline two \"\"quoted\"\"\r\nline three\""), csv);

        TestHttp.Response pending = fx.http.get("/admin/applications.csv?region=" + region + "&status=pending",
                "Authorization", fx.reviewer);
        List<List<String>> pendingRows = parse(pending.body());
        assertEquals(2, pendingRows.size());
        assertEquals(plainId, pendingRows.get(1).get(0));
        assertEquals(400, fx.http.get("/admin/applications.csv?status=nope", "Authorization", fx.reviewer).status());
    }

    @Test
    void theCohortIsEveryAcceptedApplication() {
        String region = fx.region();
        String accepted = fx.apply(region);
        fx.move(accepted, "pending", 1);
        fx.move(accepted, "accepted", 2);
        String declined = fx.apply(fx.region());
        fx.move(declined, "declined", 1);

        TestHttp.Response response = fx.http.get("/admin/cohort.csv", "Authorization", fx.reviewer);
        assertEquals(200, response.status());
        assertEquals("attachment; filename=\"cohort.csv\"", response.header("Content-Disposition").orElseThrow());
        List<List<String>> rows = parse(response.body());
        List<String> ids = rows.stream().skip(1).map(r -> r.get(0)).toList();
        assertTrue(ids.contains(accepted));
        assertTrue(!ids.contains(declined));
        int status = rows.get(0).indexOf("status");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(status).equals("accepted")));
    }

    @Test
    void anExportPastTheCapIsA413ProblemNotAHalfFile() {
        String region = fx.region();
        for (int i = 0; i < 4; i++) {
            fx.apply(region);
        }
        var handler = new ReviewApplicationsHandler(fx.cloud.platform("ReviewApplicationsFunction"), 1_000);
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAuthorizer(Map.of("claims", Map.of("sub", "s", "email", "r@code.org", "cognito:groups", "reviewers")));
        var response = handler.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET")
                .withResource("/admin/applications.csv").withPath("/admin/applications.csv")
                .withQueryStringParameters(Map.of("region", region)).withRequestContext(context), null);
        assertEquals(413, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertTrue(Json.read(response.getBody()).get("detail").textValue().contains("Filter by status or region"));
    }

    /** A strict RFC 4180 reader, so the test checks the format rather than trusting the writer. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, cell.length(), "a quote may only open a cell");
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', csv.charAt(i + 1), "rows end with CRLF");
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertTrue(c != '\n', "a bare LF outside quotes");
                cell.append(c);
            }
        }
        assertEquals(0, row.size() + cell.length(), "the document ends with CRLF");
        return rows;
    }
}
