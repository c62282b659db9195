package org.jiliang.lims.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** If-None-Match as RFC 9110 §13.1.2 reads it: weak comparison, a list, or any. */
class JsonEntityTagsTest {

    private static final String TAG = JsonEntityTags.tagOf("{\"rows\":[]}".getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest(name = "If-None-Match: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "TAG                  | true",
        "W/TAG                | true",
        "\"other\", TAG       | true",
        "\"other\" ,W/TAG     | true",
        "*                    | true",
        "\"other\"            | false",
        "TAGx                 | false",
        "                     | false",
    })
    void aTagListedMatches(String header, boolean matches) {
        String value = header == null ? null : header.replace("TAG", TAG);
        assertThat(JsonEntityTags.matches(value, TAG)).isEqualTo(matches);
    }

    @org.junit.jupiter.api.Test
    void theTagIsTheQuotedSha256OfTheBody() {
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertThat(JsonEntityTags.tagOf("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
        assertThat(JsonEntityTags.tagOf("{\"rows\":[1]}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(TAG);
    }
}
