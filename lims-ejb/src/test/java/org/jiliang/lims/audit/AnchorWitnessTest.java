package org.jiliang.lims.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorWitnessTest {

    @TempDir
    Path dir;

    @Test
    void remembersTheNewestAnchorAndNeverGoesBack() {
        AnchorWitness witness = new AnchorWitness(dir.resolve("keys").resolve("audit-anchor.cs.last-anchor"));
        assertThat(witness.read()).isEmpty();
        AnchorWitness.Last second = new AnchorWitness.Last(2, 1000, "cd".repeat(32), Instant.parse("2026-12-03T03:00:00Z"));
        AnchorWitness.Last first = new AnchorWitness.Last(1, 500, "ab".repeat(32), Instant.parse("2026-12-03T02:00:00Z"));

        witness.remember(second);
        witness.remember(first); // a commit that finished later, of an older anchor

        assertThat(witness.read()).contains(second);
    }
}
