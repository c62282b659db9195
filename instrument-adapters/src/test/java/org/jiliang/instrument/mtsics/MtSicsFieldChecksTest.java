package org.jiliang.instrument.mtsics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec checks fields by hand (they are on the path of every weight line); each check accepts exactly what
 * its regular expression, kept here as the specification, accepts.
 */
class MtSicsFieldChecksTest {

    private static final Pattern RESPONSE_ID = Pattern.compile("[A-Z][A-Z0-9]{0,7}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z%][A-Za-z0-9%/]{0,5}");

    @ParameterizedTest
    @ValueSource(strings = {"", "S", "SI", "I4", "ZI", "TAC", "ABCDEFGH", "ABCDEFGHI", "s", "4I", "S-", "S ", "É"})
    void responseIdentifier(String text) {
        assertThat(MtSicsCodec.isResponseId(text)).as("'%s'", text).isEqualTo(RESPONSE_ID.matcher(text).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "100.0001", "-0.5", "+12", "1.", ".5", "1E3", "1.2.3", "+", "-", "12a", " 1",
            "00012.30", "1,5", "+-1"})
    void decimal(String text) {
        assertThat(MtSicsCodec.isDecimal(text)).as("'%s'", text).isEqualTo(DECIMAL.matcher(text).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "g", "kg", "mg", "%", "ct", "lb/ft", "abcdef", "abcdefg", "1g", "/g", "g ", "ozt", "µg"})
    void unit(String text) {
        assertThat(MtSicsCodec.isUnit(text)).as("'%s'", text).isEqualTo(UNIT.matcher(text).matches());
    }
}
