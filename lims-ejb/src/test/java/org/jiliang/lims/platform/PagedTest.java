package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PagedTest {

    @Test
    void aPageHoldsOneToTheListsMostRows() {
        Paged.requirePage(0, 1, 1000);
        Paged.requirePage(5000, 1000, 1000);
        for (int[] wrong : new int[][] {{0, 0}, {0, 1001}}) {
            assertThatThrownBy(() -> Paged.requirePage(wrong[0], wrong[1], 1000))
                    .isInstanceOfSatisfying(RefusedException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("error.list.page");
                        // the bound as the caller writes it, not "1,000", and what was asked for
                        assertThat(e.getMessage(java.util.Locale.ENGLISH))
                                .contains("1 to 1000 rows", "not " + wrong[1]);
                    });
        }
        assertThatThrownBy(() -> Paged.requirePage(-1, 10, 1000))
                .as("a wrong first row is named, not blamed on the page's size")
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.list.first");
                    assertThat(e.getMessage(java.util.Locale.ENGLISH)).contains("(first)", "-1");
                });
    }

    @Test
    void aListSortsOnlyByTheColumnsItNames() {
        Map<String, String> sortable = Map.of("customer", "c.name", "state", "j.state");

        assertThat(Paged.orderBy(sortable, null, "j.id")).isEqualTo("j.id");
        assertThat(Paged.orderBy(sortable, "customer", "j.id")).isEqualTo("c.name");
        // a column name is never put into the query as it came: "j.id; delete" names no column
        assertThatThrownBy(() -> Paged.orderBy(sortable, "j.id; delete", "j.id"))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.list.sort");
                    assertThat(e.getMessage(java.util.Locale.ENGLISH)).contains("customer, state");
                });
    }

    @Test
    void aSearchTextIsFoundAnywhereWhateverItsCaseAndTakenLiterally() {
        assertThat(LikePattern.containing("  JD-2026 ")).isEqualTo("%jd-2026%");
        assertThat(LikePattern.containing("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
        assertThat(LikePattern.literal("job.")).isEqualTo("job.");
    }
}
