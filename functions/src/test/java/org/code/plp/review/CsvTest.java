package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesCommasQuotesAndLineBreaksAsRfc4180Says() {
        String csv = new Csv(10_000)
                .row(List.of("a", "b,c", "say \"hi\"", "line1\nline2", "cr\rhere", ""))
                .toString();
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"line1\nline2\",\"cr\rhere\",\r\n", csv);
    }

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
        assertEquals("'=cmd|' /C calc'!A0", Csv.cell("=cmd|' /C calc'!A0"));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'-2", Csv.cell("-2"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("\"'\rx\"", Csv.cell("\rx"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.cell("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("a=b", Csv.cell("a=b"));
    }

    @Test
    void endsEveryRowWithCrLfAndCountsBytes() {
        Csv csv = new Csv(1000).row(List.of("h1", "h2")).row(List.of("é", "x"));
        assertEquals("h1,h2\r\né,x\r\n", csv.toString());
        assertEquals(2, csv.rows());
        assertEquals(7 + 6, csv.bytes());
    }

    @Test
    void refusesToGrowPastItsCap() {
        Csv csv = new Csv(20).row(List.of("0123456789"));
        Csv.TooLarge tooLarge = assertThrows(Csv.TooLarge.class, () -> csv.row(List.of("0123456789")));
        assertEquals(1, tooLarge.rowsWritten());
        assertEquals("0123456789\r\n", csv.toString());
    }
}
