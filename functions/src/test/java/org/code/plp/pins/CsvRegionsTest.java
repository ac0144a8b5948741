package org.code.plp.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.code.plp.http.Problem;
import org.junit.jupiter.api.Test;

class CsvRegionsTest {
    private static final String HEADER = "regionId,city,state,lat,lng,districts,schools,teachers,students,programsSought,summary\r\n";

    @Test
    void readsRfc4180QuotingAcrossLines() {
        List<CsvReader.Record> records = CsvReader.read("\uFEFFa,\"b, \"\"quoted\"\"\",c\r\n\"multi\r\nline\",,\"\"\n\nlast", 10);
        assertEquals(3, records.size());
        assertEquals(List.of("a", "b, \"quoted\"", "c"), records.get(0).cells());
        assertEquals(List.of("multi\r\nline", "", ""), records.get(1).cells());
        assertEquals(2, records.get(1).line());
        assertEquals(List.of("last"), records.get(2).cells());
        assertEquals(5, records.get(2).line());
    }

    @Test
    void rejectsBrokenQuotingAsABadFile() {
        assertEquals(400, assertThrows(Problem.class, () -> CsvReader.read("a,\"never closed\nb", 10)).status());
        assertEquals(400, assertThrows(Problem.class, () -> CsvReader.read("a,b\"c\n", 10)).status());
        assertEquals(400, assertThrows(Problem.class, () -> CsvReader.read("\"a\"b,c\n", 10)).status());
    }

    @Test
    void turnsRowsIntoRegionInputs() {
        List<RegionRow> rows = CsvRegions.rows(HEADER
                + "tulsa-ok,Tulsa,OK,36.154,-95.9928,9,180,4100,76000,\"csp; csd ecs\",\"Tulsa, Creek and Osage\"\n", 10);
        assertEquals(1, rows.size());
        RegionRow row = rows.getFirst();
        assertEquals(1, row.row());
        assertEquals(2, row.line());
        var result = new RegionValidator().validate(row.input(), null, Instant.EPOCH);
        assertTrue(result.valid(), () -> result.errors().toString());
        assertEquals(List.of("csp", "csd", "ecs"), result.region().getProgramsSought());
        assertEquals("Tulsa, Creek and Osage", result.region().getSummary());
        assertEquals(-95.9928, result.region().getLng());
    }

    @Test
    void reportsRowsWithTheWrongCellCountAndKeepsBadNumbersForTheValidator() {
        List<RegionRow> rows = CsvRegions.rows(HEADER + "a-ok,A,OK,36,-95\n"
                + "b-ok,B,OK,north,-95,1,2,3,4,csp,\n", 10);
        assertNull(rows.get(0).input());
        assertEquals("row", rows.get(0).errors().getFirst().field());
        var errors = new RegionValidator().validate(rows.get(1).input(), null, Instant.EPOCH).errors();
        assertEquals("lat", errors.getFirst().field());
        assertEquals("districts", CsvRegions.column("populationServed.districts"));
    }

    @Test
    void rejectsABadHeaderOrAnEmptyFileOrTooManyRows() {
        assertEquals("header", assertThrows(Problem.class, () -> CsvRegions.rows("regionId,colour\n", 10)).errors().getFirst().field());
        assertTrue(assertThrows(Problem.class, () -> CsvRegions.rows("regionId,city\nx,y\n", 10)).detail().contains("state"));
        assertEquals(400, assertThrows(Problem.class, () -> CsvRegions.rows("", 10)).status());
        assertEquals(400, assertThrows(Problem.class, () -> CsvRegions.rows(HEADER, 10)).status());
        String three = HEADER + "a,A,OK,36,-95,1,1,1,1,csp,\n".repeat(3);
        assertEquals(413, assertThrows(Problem.class, () -> CsvRegions.rows(three, 2)).status());
        assertEquals(3, CsvRegions.rows(three, 3).size());
    }
}
