package org.jiliang.lims.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.junit.jupiter.api.Test;

class CoverageRuleTest {

    private static Span span(String lower, String upper, String unit, String source) {
        return new Span(Quantity.of(lower, unit), Quantity.of(upper, unit), source);
    }

    private static final Span WEIGHT_SET = span("1", "20000", "g", "F1 1 mg–20 kg");

    @Test
    void oneStandardWhoseRangeHoldsTheNeedCoversItInAnyUnitOfTheKind() {
        Span need = new Span(Quantity.of("1", "mg"), Quantity.of("20", "kg"), "market scales");
        var coverage = CoverageRule.of(need, List.of(new Span(Quantity.of("1", "mg"), Quantity.of("20", "kg"), "F1")));
        assertThat(coverage.covered()).isTrue();
        assertThat(coverage.standards()).containsExactly("F1");
        assertThat(CoverageRule.of(span("0.5", "10", "kg", "n"), List.of(WEIGHT_SET)).covered()).isTrue();
    }

    @Test
    void rangesThatMeetOrOverlapJoinAndAGapBetweenThemIsNamed() {
        Span need = span("0", "40", "kg", "platform scales");
        Span low = span("0", "20", "kg", "A");
        Span high = span("20", "40", "kg", "B");
        assertThat(CoverageRule.of(need, List.of(high, low)).covered()).as("closed ranges meet at 20 kg").isTrue();

        var gap = CoverageRule.of(need, List.of(span("0", "10", "kg", "A"), span("15", "40", "kg", "B")));
        assertThat(gap.covered()).isFalse();
        assertThat(gap.gaps()).singleElement().hasToString("10 kg – 15 kg");
        assertThat(gap.standards()).containsExactly("A", "B");
    }

    @Test
    void aGapIsWrittenInTheNeedsUnitWhateverTheStandardsUnits() {
        Span need = span("1", "30", "kg", "market scales");
        var coverage = CoverageRule.of(need, List.of(span("0.001", "20000", "g", "F1"), span("25000000", "40000000", "mg",
                "M1")));
        assertThat(coverage.gaps()).extracting(Span::toString).containsExactly("20 kg – 25 kg");
    }

    @Test
    void theEndsNoStandardReachesAreGapsAndAnotherKindOfQuantityReachesNothing() {
        Span need = span("1", "100", "kPa", "gauges");
        var ends = CoverageRule.of(need, List.of(span("10", "70", "kPa", "PRS")));
        assertThat(ends.gaps()).extracting(Span::toString).containsExactly("1 kPa – 10 kPa", "70 kPa – 100 kPa");

        var none = CoverageRule.of(need, List.of(WEIGHT_SET, span("0", "1000", "V", "MFC")));
        assertThat(none.standards()).isEmpty();
        assertThat(none.gaps()).containsExactly(need);
        assertThat(CoverageRule.of(need, List.of()).covered()).isFalse();
    }

    @Test
    void aRangeMustRunUpwardsWithinOneKind() {
        assertThatThrownBy(() -> span("20", "1", "kg", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above");
        assertThatThrownBy(() -> new Span(Quantity.of("1", "kg"), Quantity.of("1", "V"), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one kind");
        assertThat(span("10", "10", "kΩ", "a single value").lower()).isEqualTo(Quantity.of("10", "kΩ"));
    }
}
