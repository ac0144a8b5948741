package org.code.plp.pins;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.platform.Json;

/**
 * Regions from a CSV with a header row naming the columns (any order). Lists (programsSought,
 * zipPrefixes) go in one cell separated by semicolons or spaces. An empty cell is an absent field.
 */
public final class CsvRegions {
    public static final List<String> COLUMNS = List.of("regionId", "name", "city", "state", "lat", "lng", "status",
            "districts", "schools", "teachers", "students", "programsSought", "summary", "description", "zipPrefixes");
    static final List<String> REQUIRED = List.of("regionId", "city", "state", "lat", "lng",
            "districts", "schools", "teachers", "students", "programsSought");
    private static final Set<String> NUMBERS = Set.of("lat", "lng", "districts", "schools", "teachers", "students");
    private static final Set<String> LISTS = Set.of("programsSought", "zipPrefixes");

    private CsvRegions() {
    }

    public static List<RegionRow> rows(String text, int maxRows) {
        List<CsvReader.Record> records = CsvReader.read(text, maxRows + 1);
        if (records.isEmpty()) {
            throw badFile("The file is empty; the first row must name the columns: " + String.join(",", COLUMNS) + ".");
        }
        List<String> header = header(records.getFirst().cells());
        if (records.size() == 1) {
            throw badFile("The file has a header row but no regions.");
        }
        List<RegionRow> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            CsvReader.Record record = records.get(r);
            if (record.cells().size() != header.size()) {
                rows.add(new RegionRow(r, record.line(), null, List.of(new FieldError("row",
                        "Has " + record.cells().size() + " cells; the header has " + header.size() + "."))));
                continue;
            }
            rows.add(new RegionRow(r, record.line(), toInput(header, record.cells()), List.of()));
        }
        return rows;
    }

    /** The field a CSV user knows: the column name rather than the JSON path. */
    public static String column(String field) {
        return field.startsWith("populationServed.") ? field.substring("populationServed.".length()) : field;
    }

    private static List<String> header(List<String> cells) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cell : cells) {
            String name = cell.strip();
            if (!COLUMNS.contains(name)) {
                throw Problem.field(400, "bad-file", "Bad import file", "header",
                        "Unknown column '" + name + "'. Columns: " + String.join(",", COLUMNS) + ".");
            }
            if (!seen.add(name)) {
                throw Problem.field(400, "bad-file", "Bad import file", "header", "Column '" + name + "' appears twice.");
            }
            header.add(name);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw Problem.field(400, "bad-file", "Bad import file", "header",
                    "Missing column(s): " + String.join(", ", missing) + ".");
        }
        return header;
    }

    private static ObjectNode toInput(List<String> header, List<String> cells) {
        ObjectNode input = Json.object();
        ObjectNode population = null;
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c);
            String value = cells.get(c).strip();
            if (value.isEmpty()) {
                continue;
            }
            ObjectNode target = input;
            if (RegionValidator.POPULATION.contains(column)) {
                if (population == null) {
                    population = input.putObject("populationServed");
                }
                target = population;
            }
            if (NUMBERS.contains(column)) {
                putNumber(target, column, value);
            } else if (LISTS.contains(column)) {
                ArrayNode list = target.putArray(column);
                for (String item : value.split("[;|\\s]+")) {
                    if (!item.isEmpty()) {
                        list.add(item);
                    }
                }
            } else {
                target.put(column, value);
            }
        }
        return input;
    }

    // Left as text when it is not a number, so the validator names the cell.
    private static void putNumber(ObjectNode target, String column, String value) {
        try {
            target.put(column, new BigDecimal(value));
        } catch (NumberFormatException e) {
            target.put(column, value);
        }
    }

    private static Problem badFile(String detail) {
        return Problem.field(400, "bad-file", "Bad import file", "body", detail);
    }
}
