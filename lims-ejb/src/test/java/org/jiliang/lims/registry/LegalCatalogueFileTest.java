package org.jiliang.lims.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped catalogue is what the register can store: every line would pass the quality manager's checks. */
class LegalCatalogueFileTest {

    private final List<CategoryView> catalogue = LegalCatalogue.fromFile();

    @Test
    void everyLineIsAValidEditionWithItsSourceAndTag() {
        assertThat(catalogue).isNotEmpty();
        Set<String> editions = new HashSet<>();
        for (CategoryView c : catalogue) {
            assertThat(LegalCatalogue.CODE.matcher(c.code()).matches()).as(c.code()).isTrue();
            assertThat(editions.add(c.code() + " " + c.edition())).as("one line per edition").isTrue();
            assertThat(LegalCategory.SUPERVISION).contains(c.supervision());
            assertThat(c.intervalMonths()).isBetween(1, RegistryAdministration.MAX_INTERVAL_MONTHS);
            assertThat(c.recallDays()).isBetween(1, LegalCatalogue.MAX_RECALL_DAYS);
            assertThat(c.regulation()).startsWith("JJG ");
            assertThat(c.source()).as("each line cites its source and says how far it was checked")
                    .contains("SAMR 2019 No. 48").containsAnyOf("[C]", "[M]");
            assertThat(c.nameZh().length()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void theCategoriesThePolicyNamesAreThere() {
        assertThat(catalogue).filteredOn(c -> c.code().equals("NAWI")).singleElement().satisfies(c -> {
            assertThat(c.nameZh()).isEqualTo("非自动秤");
            assertThat(c.mandatoryVerification()).isTrue();
            assertThat(c.intervalMonths()).isEqualTo(12);
            assertThat(c.instrumentKind()).isEqualTo("SCALE");
            assertThat(c.freeProgramme()).contains("集贸市场");
        });
        assertThat(catalogue).filteredOn(c -> c.freeProgramme() != null && c.freeProgramme().contains("乡镇卫生院"))
                .extracting(CategoryView::code).contains("SPHYGMOMANOMETER", "NIBP");
    }
}
