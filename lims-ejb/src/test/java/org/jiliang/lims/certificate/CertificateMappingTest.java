package org.jiliang.lims.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Lists of certificates, the portal and the public check read {@link Certificate} rows; the files (a PDF is about
 * 130 kB, a DCC 20 kB) must not come with them. Hibernate loads every basic column of an entity (no bytecode
 * enhancement here), so the files live in {@link CertificateContent}, read only for a download.
 */
class CertificateMappingTest {

    @Test
    void aCertificateRowCarriesNoFile() {
        assertThat(Arrays.stream(Certificate.class.getDeclaredFields()).map(Field::getType))
                .doesNotContain(byte[].class);
    }

    @Test
    void theFilesAreAnEntityOfTheirOwnKeyedByTheCertificate() {
        assertThat(Arrays.stream(CertificateContent.class.getDeclaredFields()).filter(f -> f.getType() == byte[].class)
                .map(Field::getName)).containsExactlyInAnyOrder("pdf", "dccXml");
    }
}
