package org.code.plp.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.code.plp.http.Problem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A CSV export read page by page from one GSI Query into a bounded buffer, whole or in parts. The
 * file starts with a UTF-8 byte order mark (so spreadsheet programs read accents right); the BOM
 * and the header are in part 1 only, so the parts joined in order are exactly the whole file.
 */
public final class CsvExporter {
    public static final String BOM = "\uFEFF";
    private static final int PAGE = 100;

    private final long maxBytes;

    public CsvExporter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** What to export: its name, the Query and its filters, the header, and how a page of items becomes rows. */
    public record Export(String name, IndexPager pager, IndexPager.Selection selection, Map<String, String> filters,
                         List<String> header, Function<List<Map<String, AttributeValue>>, List<List<String>>> rows) {
    }

    /** One part of a CSV export: whole rows, the header only in part 1, and the cursor of the next part. */
    public record CsvPart(Csv csv, int part, int dataRows, String nextCursor) {
    }

    /** A CSV holding the BOM and the header. */
    public static Csv withHeader(long maxBytes, List<String> header) {
        List<String> first = new ArrayList<>(header);
        first.set(0, BOM + first.getFirst());
        return new Csv(maxBytes).row(first);
    }

    /** The whole export: the first part when it is the only one; else a 413 that says how to ask for parts. */
    public Csv whole(Export export) {
        CsvPart whole = part(export, null);
        if (whole.nextCursor() != null) {
            throw new Problem(413, "export-too-large", "Export too large",
                    "The export would be larger than " + megabytes(maxBytes) + " (" + whole.dataRows()
                            + " rows fit). Add parts=true to get it in parts: each answer is a CSV of whole rows"
                            + " (the header only in the first) with an X-Next-Cursor header while rows remain;"
                            + " send that as cursor=... for the next part. Or filter by status or region.", List.of());
        }
        return whole.csv();
    }

    /**
     * The part after {@code cursor} (null for part 1): rows up to the size cap, broken only between
     * rows. The cursor carries the export, its filters and the next part's number, and is the key of
     * the last row written, so no row is lost or repeated between parts.
     */
    public CsvPart part(Export export, String cursor) {
        IndexPager pager = export.pager();
        IndexPager.Selection selection = export.selection();
        int part = cursor == null ? 1 : partNumber(cursor);
        Map<String, AttributeValue> start = cursor == null ? null : pager.start(selection, partFilters(export, part), cursor);
        Csv csv = part == 1 ? withHeader(maxBytes, export.header()) : new Csv(maxBytes);
        int header = part == 1 ? 1 : 0;
        Map<String, AttributeValue> lastWritten = start;
        do {
            IndexPager.Page page = pager.page(selection, PAGE, start);
            List<List<String>> rows = export.rows().apply(page.items());
            for (int i = 0; i < rows.size(); i++) {
                try {
                    csv.row(rows.get(i));
                } catch (Csv.TooLarge full) {
                    if (csv.rows() == header) {
                        throw new Problem(413, "row-too-large", "Row too large", "One row is larger than a part ("
                                + full.maxBytes() + " bytes); raise CSV_PART_BYTES.", List.of());
                    }
                    String next = PageCursor.encode(partFilters(export, part + 1), lastWritten);
                    return new CsvPart(csv, part, csv.rows() - header, next);
                }
                lastWritten = pager.keyOf(page.items().get(i), selection);
            }
            start = page.lastKey();
        } while (start != null);
        return new CsvPart(csv, part, csv.rows() - header, null);
    }

    private static int partNumber(String cursor) {
        String raw = PageCursor.filterIn(cursor, "part");
        try {
            int part = Integer.parseInt(raw);
            if (part >= 2) {
                return part;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw PageCursor.notOurs();
    }

    private static Map<String, String> partFilters(Export export, int part) {
        Map<String, String> filters = new HashMap<>(export.filters());
        filters.put("export", export.name());
        filters.put("part", Integer.toString(part));
        return filters;
    }

    private static String megabytes(long bytes) {
        return bytes >= 1_000_000 ? bytes / 1_000_000 + " MB" : bytes + " bytes";
    }
}
