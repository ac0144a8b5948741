package org.code.plp.review;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An RFC 4180 CSV document written row by row into a bounded buffer: CRLF line ends, fields with a
 * comma, quote, CR or LF quoted and their quotes doubled. A cell a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) gets a leading apostrophe. Writing past
 * {@code maxBytes} throws {@link TooLarge}, so an export can never outgrow the Lambda response.
 */
public final class Csv {
    private final StringBuilder text = new StringBuilder();
    private final long maxBytes;
    private long bytes;
    private int rows;

    public Csv(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Csv row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        line.append("\r\n");
        long lineBytes = line.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes + lineBytes > maxBytes) {
            throw new TooLarge(rows, maxBytes);
        }
        text.append(line);
        bytes += lineBytes;
        rows++;
        return this;
    }

    /** One cell, neutralised and quoted as needed. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeFormula(value) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    public int rows() {
        return rows;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The export would be larger than the response may be. */
    public static final class TooLarge extends RuntimeException {
        private final int rowsWritten;
        private final long maxBytes;

        TooLarge(int rowsWritten, long maxBytes) {
            super("CSV larger than " + maxBytes + " bytes after " + rowsWritten + " rows", null, false, false);
            this.rowsWritten = rowsWritten;
            this.maxBytes = maxBytes;
        }

        public int rowsWritten() {
            return rowsWritten;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }
}
