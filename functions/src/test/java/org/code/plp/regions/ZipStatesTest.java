package org.code.plp.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.code.plp.http.FieldError;
import org.code.plp.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZipStatesTest {
    @ParameterizedTest
    @CsvSource({"02108,MA", "10001,NY", "70115,LA", "38103,TN", "59601,MT", "99501,AK", "96813,HI", "20500,DC",
        "20149,VA", "05501,MA", "73301,TX", "88510,TX", "83702,ID", "00501,NY", "90210,CA", "20001,DC",
        "45999,OH", "39901,GA", "56901,DC", "06320,CT", "83422,ID", "96701,HI"})
    void aZipsStateComesFromItsFirstThreeDigits(String zip, String state) {
        assertEquals(Optional.of(state), ZipStates.stateOf(zip));
    }

    /** A ZIP served across a state line takes its own state, not its prefix's. */
    @ParameterizedTest
    @CsvSource({"06390,NY", "83414,WY", "06390-1234,NY"})
    void aZipServedFromAnotherStatesPrefixHasItsOwnState(String zip, String state) {
        assertEquals(Optional.of(state), ZipStates.stateOf(zip));
    }

    @Test
    void fishersIslandNyIsNotRefusedAsConnecticut() {
        Validator v = new Validator();
        assertEquals("NY", ZipStates.reconcile(v, "zip", "state", "06390", "NY"));
        assertEquals("NY", ZipStates.reconcile(v, "zip", "state", "06390", null));
        assertEquals(List.of(), v.errors());
    }

    @ParameterizedTest
    @CsvSource({"96799", "00901", "00801", "09001", "34001", "96201", "96910", "00000", "99", "abcde"})
    void territoriesMilitaryAndUnassignedPrefixesAreNoState(String zip) {
        assertEquals(Optional.empty(), ZipStates.stateOf(zip));
    }

    @Test
    void everyStateAndDcHasAPrefix() {
        for (String state : Validator.US_STATES.codes()) {
            boolean found = false;
            for (int p = 0; p < 1000 && !found; p++) {
                found = ZipStates.stateOf("%03d00".formatted(p)).map(state::equals).orElse(false);
            }
            assertTrue(found, state);
        }
    }

    @Test
    void theStateIsDerivedWhenMissingAndADisagreementNamesBothFields() {
        Validator v = new Validator();
        assertEquals("LA", ZipStates.reconcile(v, "zip", "state", "70115", null));
        assertEquals("LA", ZipStates.reconcile(v, "zip", "state", "70115", "LA"));
        assertEquals(List.of(), v.errors());

        assertNull(ZipStates.reconcile(v, "zip", "state", "02108", "CA"));
        assertEquals(List.of("zip", "state"), v.errors().stream().map(FieldError::field).toList());
        assertEquals("ZIP 02108 is in MA, not CA.", v.errors().getFirst().message());

        Validator territory = new Validator();
        assertNull(ZipStates.reconcile(territory, "zip", "state", "00901", null));
        assertEquals(List.of("zip"), territory.errors().stream().map(FieldError::field).toList());
    }
}
