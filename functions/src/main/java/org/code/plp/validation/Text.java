package org.code.plp.validation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation of every text field, so what is stored means what it shows: every Unicode
 * space is a space (trimmed; inside a single line, one ASCII space), NFC, and no character that
 * hides, reorders or cannot be stored. A single line (names, cities, titles) allows no control,
 * format (zero-width, bidirectional, U+FEFF) or separator character; a paragraph allows line
 * breaks and tabs, and format characters except bidirectional controls and U+FEFF (emoji need
 * the zero-width joiner). Nowhere: unpaired surrogates (a JSON escape can make one), noncharacters,
 * or U+FFFD (the mark of bytes that were not UTF-8).
 */
public final class Text {
    private Text() {
    }

    /** Why {@code raw} cannot be accepted, or null when it can. */
    public static String problem(String raw, boolean multiline) {
        for (int i = 0; i < raw.length(); ) {
            char c = raw.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < raw.length()
                        && Character.isLowSurrogate(raw.charAt(i + 1));
                if (!paired) {
                    return Message.NOT_TEXT.with("char", codePoint(c));
                }
            }
            int cp = raw.codePointAt(i);
            String why = multiline ? paragraphProblem(cp) : lineProblem(cp);
            if (why != null) {
                return why;
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** The value as stored: NFC, trimmed of every kind of space; a single line's inner spaces made one space each. */
    public static String clean(String raw, boolean multiline) {
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isSpace(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        value = value.substring(start, end);
        if (multiline) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean lastWasSpace = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            boolean space = isSpace(cp);
            if (!space) {
                out.appendCodePoint(cp);
            } else if (!lastWasSpace) {
                out.append(' ');
            }
            lastWasSpace = space;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Any Unicode space: the space separators (U+00A0, U+2007, U+3000...) and the ASCII whitespace. */
    public static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static String lineProblem(int cp) {
        if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
            return Message.SINGLE_LINE.template();
        }
        if (cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR) {
            return null;
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT) {
            return Message.INVISIBLE.with("char", codePoint(cp));
        }
        return everywhereProblem(cp);
    }

    private static String paragraphProblem(int cp) {
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            return null;
        }
        if (Character.getType(cp) == Character.CONTROL) {
            return Message.CONTROL.with("char", codePoint(cp));
        }
        if (isBidiControl(cp) || cp == 0xFEFF) {
            return Message.INVISIBLE.with("char", codePoint(cp));
        }
        return everywhereProblem(cp);
    }

    private static String everywhereProblem(int cp) {
        if (isNoncharacter(cp) || cp == 0xFFFD) {
            return Message.NOT_TEXT.with("char", codePoint(cp));
        }
        return null;
    }

    static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
