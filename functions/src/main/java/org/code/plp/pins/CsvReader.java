package org.code.plp.pins;

import java.util.ArrayList;
import java.util.List;
import org.code.plp.http.Problem;

/**
 * RFC 4180 CSV: comma-separated cells, double quotes around cells holding commas, quotes or line
 * breaks, a quote inside written twice, CRLF or LF between records. A leading UTF-8 BOM (spreadsheet
 * exports add one) is dropped. Blank lines are skipped.
 */
public final class CsvReader {
    /** One record and the line it starts on (from 1). */
    public record Record(int line, List<String> cells) {
    }

    private CsvReader() {
    }

    public static List<Record> read(String text, int maxRecords) {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int recordLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && text.charAt(i) == '"') {
                    int quoteLine = line;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw badFile("The quoted cell starting on line " + quoteLine + " is never closed.");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                cell.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                        i++;
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw badFile("Line " + line + ": text after a closing quote; write a quote inside a quoted cell as \"\".");
                    }
                }
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    char c = text.charAt(i);
                    if (c == '"') {
                        throw badFile("Line " + line + ": a quote inside an unquoted cell; quote the whole cell.");
                    }
                    cell.append(c);
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                if (i < n && text.charAt(i) == ',') {
                    i++;
                } else {
                    if (i < n && text.charAt(i) == '\r') {
                        i++;
                    }
                    if (i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                }
            }
            if (cells.size() == 1 && cells.getFirst().isBlank()) {
                continue;
            }
            if (records.size() == maxRecords) {
                throw Problem.field(413, "too-many-rows", "Too many regions", "body",
                        "At most " + (maxRecords - 1) + " regions per import; split the file.");
            }
            records.add(new Record(recordLine, cells));
        }
        return records;
    }

    private static Problem badFile(String detail) {
        return Problem.field(400, "bad-file", "Bad import file", "body", detail);
    }
}
