package org.code.plp.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text folded for matching: accents and case gone ("Zoë" and "zoe" match), and letters that do not
 * decompose mapped by hand (ø, æ, œ, ß, ł, đ, ı). {@link #words} also drops punctuation, so
 * "Crescent City S.T.E.M., Inc." and "crescent city stem inc" are the same organization.
 */
public final class Fold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\s]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Fold() {
    }

    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            switch (c) {
                case 'ø' -> out.append('o');
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ß' -> out.append("ss");
                case 'ł' -> out.append('l');
                case 'đ' -> out.append('d');
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Folded, punctuation removed (not replaced: "S.T.E.M." is "stem"), runs of space made one. */
    public static String words(String value) {
        if (value == null) {
            return null;
        }
        return SPACES.matcher(NOT_WORD.matcher(text(value)).replaceAll("")).replaceAll(" ").strip();
    }
}
