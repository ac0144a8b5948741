package org.code.plp.regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.code.plp.validation.Validator;

/**
 * The state of a ZIP code by its first three digits, from {@code zip/zip3-states.csv} (a data file
 * with its source named). Loaded on first use, so only functions that look a ZIP up pay for it.
 */
public final class ZipStates {
    private static final String RESOURCE = "/zip/zip3-states.csv";

    private ZipStates() {
    }

    /** The two-letter state (or DC) of {@code zip}, or empty when its prefix is no state's. */
    public static Optional<String> stateOf(String zip) {
        if (zip == null || zip.length() < 3) {
            return Optional.empty();
        }
        if (zip.length() >= 5 && Table.EXCEPTIONS.containsKey(zip.substring(0, 5))) {
            return Optional.of(Table.EXCEPTIONS.get(zip.substring(0, 5))).filter(state -> !state.isEmpty());
        }
        int prefix;
        try {
            prefix = Integer.parseInt(zip.substring(0, 3));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return prefix < 0 ? Optional.empty() : Optional.ofNullable(Table.STATES[prefix]);
    }

    /**
     * The state a form means: the given one when its ZIP agrees, the ZIP's when none was given.
     * A ZIP of no state is an error on {@code zipField}; a ZIP and state that disagree are an error
     * on both fields (and null), so "Boston, CA" is never stored.
     */
    public static String reconcile(Validator v, String zipField, String stateField, String zip, String state) {
        if (zip == null) {
            return state;
        }
        Optional<String> ofZip = stateOf(zip);
        if (ofZip.isEmpty()) {
            v.error(zipField, "Must be a ZIP code in one of the 50 states or DC.");
            return null;
        }
        if (state != null && !state.equals(ofZip.get())) {
            String message = "ZIP " + zip + " is in " + ofZip.get() + ", not " + state + ".";
            v.error(zipField, message);
            v.error(stateField, message);
            return null;
        }
        return ofZip.get();
    }

    // Holder idiom: the file is read the first time a ZIP is looked up. Rows of three-digit prefixes
    // fill STATES; rows of five-digit ZIPs are the exceptions, whose state (empty: none) wins.
    private static final class Table {
        static final Map<String, String> EXCEPTIONS = new HashMap<>();
        static final String[] STATES = read();

        private static String[] read() {
            String[] states = new String[1000];
            try (InputStream in = ZipStates.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the jar");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cells = line.split(",", -1);
                    if (cells[0].length() == 5) {
                        EXCEPTIONS.put(cells[0], cells[2].strip());
                        continue;
                    }
                    for (int p = Integer.parseInt(cells[0]); p <= Integer.parseInt(cells[1]); p++) {
                        states[p] = cells[2].strip();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return states;
        }
    }
}
