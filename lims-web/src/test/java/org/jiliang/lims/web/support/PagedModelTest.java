package org.jiliang.lims.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.platform.Paged;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class PagedModelTest {

    private final List<String> asked = new ArrayList<>();
    private final PagedModel<String> model = new PagedModel<>((sortBy, ascending, first, max) -> {
        asked.add(sortBy + " " + (ascending ? "asc" : "desc") + " " + first + "+" + max);
        return new Paged<>(List.of("a", "b"), 2);
    }, row -> row, 1000);

    @Test
    void theColumnSortedIsTheOneWithAnOrderNotTheFirstTheTablePasses() {
        // a table passes every sortable column; only "received" is sorted, ascending
        Map<String, SortMeta> sortBy = new LinkedHashMap<>();
        sortBy.put("jobNumber", SortMeta.builder().field("jobNumber").order(SortOrder.UNSORTED).build());
        sortBy.put("createdAt", SortMeta.builder().field("createdAt").order(SortOrder.ASCENDING).build());

        assertThat(model.load(25, 25, sortBy, Map.of())).containsExactly("a", "b");
        assertThat(asked).containsExactly("createdAt asc 25+25");
    }

    @Test
    void noColumnSortedIsTheListsOwnOrderAndAPageIsNeverLargerThanTheServiceAnswers() {
        model.load(0, 5000, Map.of(), Map.of());
        assertThat(asked).containsExactly("null desc 0+1000");
        assertThat(model.count(Map.of())).isEqualTo(2);
    }

    @Test
    void aCountThatStoppedAtTheListsLimitIsShownAsMoreThan() {
        PagedModel<String> counted = new PagedModel<>((sortBy, ascending, first, max) ->
                new Paged<>(List.of("a"), 10_001, true), row -> row, 1000);
        assertThat(counted.isAtLeast()).isFalse();
        assertThat(counted.count(Map.of())).isEqualTo(10_001);
        assertThat(counted.isAtLeast()).as("the page shows 10001+").isTrue();
        assertThat(model.count(Map.of())).isEqualTo(2);
        assertThat(model.isAtLeast()).isFalse();
    }
}
