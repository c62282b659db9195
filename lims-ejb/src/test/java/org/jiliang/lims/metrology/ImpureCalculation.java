package org.jiliang.lims.metrology;

import jakarta.persistence.EntityManager;
import java.util.Locale;
import org.jiliang.lims.platform.Messages;

/**
 * Test fixture for {@code ArchitectureViolationsTest}: a metrology class that breaks the
 * purity rule twice, by reaching for JPA and for another lims package. Never used otherwise.
 */
public final class ImpureCalculation {

    private EntityManager em;

    String explain() {
        return Messages.format(Locale.ENGLISH, "error.notFound", em);
    }
}
