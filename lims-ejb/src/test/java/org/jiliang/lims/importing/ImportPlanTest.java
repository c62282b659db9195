package org.jiliang.lims.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.registry.CategoryView;
import org.junit.jupiter.api.Test;

/** What a file would do to the register and every problem on its row and column, before anything is written. */
class ImportPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final String HEADINGS = "owner_code,owner_name,owner_address,owner_district,site,category,"
            + "description,manufacturer,model,serial_number,asset_number,interval_months,last_verified_on,"
            + "last_certificate";

    /** The register as the file's rows meet it: one owner, one scale already registered. */
    private static final class Register implements ImportPlan.Known {
        final Map<String, String> owners = new HashMap<>(Map.of("C0002", "江海市农贸市场管理处"));
        final Map<String, String> instruments = new HashMap<>(Map.of(
                ImportPlan.instrumentKey("凯丰衡器有限公司", "ACS-30", "KF-88123"), "C0002"));
        final Map<String, String> assets = new HashMap<>(Map.of(ImportPlan.assetKey("C0002", "ZC-9"),
                ImportPlan.instrumentKey("凯丰衡器有限公司", "ACS-30", "KF-88123")));

        @Override
        public LocalDate today() {
            return TODAY;
        }

        @Override
        public Map<String, CategoryView> categories() {
            return Map.of("NAWI", new CategoryView("NAWI", "JL-2026-1", LocalDate.of(2026, 1, 1), "非自动秤",
                    "Non-automatic weighing instrument", "P+V", "JJG 539-2016", 12, true, null, 30, "SCALE", "test"));
        }

        @Override
        public Map<String, String> ownerNames() {
            return owners;
        }

        @Override
        public Map<String, String> ownerDistricts() {
            return Map.of("C0002", "东湖区");
        }

        @Override
        public Map<String, String> instrumentOwners() {
            return instruments;
        }

        @Override
        public Map<String, String> assets() {
            return assets;
        }
    }

    private static List<SheetRow> rows(String... lines) {
        List<SheetRow> rows = new java.util.ArrayList<>();
        rows.add(new SheetRow(1, Arrays.asList(HEADINGS.split(",", -1))));
        for (int i = 0; i < lines.length; i++) {
            rows.add(new SheetRow(i + 2, Arrays.asList(lines[i].split(",", -1))));
        }
        return rows;
    }

    private static String problem(ImportPlan.Result r, int row, String column) {
        return r.problems().stream().filter(p -> p.row() == row && java.util.Objects.equals(p.column(), column))
                .map(Problem::key).findFirst().orElse("none");
    }

    @Test
    void aFileFullOfMistakesHasEachOnItsRowAndColumnAndNothingToImport() {
        ImportPlan.Result r = ImportPlan.check(rows(
                "C0100,北湖农贸市场,北湖路 8 号,北湖区,A 区,NAWI,电子秤,凯丰,ACS-30,S-1,Z-1,12,2026-02-30,P-1",
                "C0100,,,,A 区,SCALES,电子秤,凯丰,ACS-30,S-2,Z-2,12,2026-03-01,P-2",
                "C0100,,,,A 区,NAWI,电子秤,凯丰,ACS-30,S-1,Z-3,12,2026-03-01,P-3",
                "C0100,,,,A 区,NAWI,电子秤,凯丰,ACS-30,S-4,Z-4,0,2026-03-01,P-4",
                "C0100,,,,A 区,NAWI,电子秤,凯丰,ACS-30,S-5,Z-5,twelve,2026-03-01,P-5",
                "C0100,,,,A 区,NAWI,电子秤,凯丰,ACS-30,S-6,Z-6,12,2027-01-01,P-6",
                "C0100,,,,A 区,NAWI,电子秤,凯丰,ACS-30,S-7,Z-1,12,,",
                "C0101,,,,,NAWI,电子秤,凯丰,ACS-30,S-8,,12,,",
                "C0002,别的名字,,,,NAWI,电子秤,凯丰衡器有限公司,ACS-30,KF-88123,,12,,",
                "C0100,,,,A 区,NAWI,电子秤,凯丰,ACS-30,S-10,Z-10,24,2026-03-01,"), new Register());
        assertThat(problem(r, 2, "last_verified_on")).as("30 February").isEqualTo("error.import.date");
        assertThat(problem(r, 3, "category")).isEqualTo("error.import.category");
        assertThat(problem(r, 4, "serial_number")).as("the serial of row 2").isEqualTo("error.import.duplicateSerial");
        assertThat(problem(r, 5, "interval_months")).as("a 0 interval").isEqualTo("error.import.interval");
        assertThat(problem(r, 6, "interval_months")).as("text in a number cell")
                .isEqualTo("error.import.notWholeNumber");
        assertThat(problem(r, 7, "last_verified_on")).isEqualTo("error.import.dateFuture");
        assertThat(problem(r, 8, "asset_number")).as("the asset of row 2").isEqualTo("error.import.duplicateAsset");
        assertThat(problem(r, 9, "owner_name")).as("a new owner without a name").isEqualTo("error.import.newOwner");
        assertThat(problem(r, 10, "owner_name")).isEqualTo("error.import.ownerName");
        assertThat(problem(r, 11, "interval_months")).as("longer than JJG 539's 12 months")
                .isEqualTo("error.import.interval");
        assertThat(problem(r, 11, "last_certificate")).isEqualTo("error.import.certificateMissing");
        assertThat(r.newRows()).as("nothing is imported while any row has a problem").isEmpty();
        assertThat(r.rows()).isEqualTo(10);
    }

    @Test
    void aGoodFileRegistersItsNewRowsAndLeavesWhatIsRegisteredUnchanged() {
        ImportPlan.Result r = ImportPlan.check(rows(
                "C0100,北湖农贸市场,北湖路 8 号,北湖区,A 区,NAWI,电子秤,凯丰,ACS-30,S-1,Z-1,12,2026/3/1,P-1",
                "C0100,,,,B 区,NAWI,电子秤,凯丰,ACS-30,S-2,Z-2,6,,",
                "C0002,,,,,NAWI,电子计价秤,凯丰衡器有限公司,ACS-30,KF-88123,ZC-9,12,,",
                ",,,,,,,,,,,,,"), new Register());
        assertThat(r.problems()).isEmpty();
        assertThat(r.unchanged()).as("the scale already registered to the same owner").isEqualTo(1);
        assertThat(r.newRows()).extracting(ImportPlan.NewRow::serialNumber).containsExactly("S-1", "S-2");
        ImportPlan.NewRow first = r.newRows().get(0);
        assertThat(first.lastVerifiedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(first.siteDistrict()).as("the owner's district").isEqualTo("北湖区");
        assertThat(r.newRows().get(1).ownerName()).as("named on its first row").isEqualTo("北湖农贸市场");
        assertThat(r.rows()).as("the blank row is not a row").isEqualTo(3);
    }

    @Test
    void anInstrumentOfAnotherOwnerAndATakenAssetNumberAreRefused() {
        ImportPlan.Result r = ImportPlan.check(rows(
                "C0100,北湖农贸市场,北湖路 8 号,北湖区,,NAWI,电子秤,凯丰衡器有限公司,ACS-30,KF-88123,,12,,",
                "C0002,,,,,NAWI,电子秤,凯丰,ACS-30,S-9,ZC-9,12,,"), new Register());
        assertThat(problem(r, 2, "serial_number")).isEqualTo("error.import.serialOtherOwner");
        assertThat(problem(r, 3, "asset_number")).isEqualTo("error.import.assetTaken");
    }

    @Test
    void headingsAreCheckedBeforeAnyRow() {
        List<SheetRow> rows = List.of(new SheetRow(1, List.of("owner_code", "colour", "category", "category")),
                new SheetRow(2, List.of("C0100", "red", "NAWI", "NAWI")));
        ImportPlan.Result r = ImportPlan.check(rows, new Register());
        assertThat(r.problems()).extracting(Problem::key).contains("error.import.unknownColumn",
                "error.import.columnTwice", "error.import.missingColumn");
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.row()).isEqualTo(1));
    }

    @Test
    void chineseHeadingsAreAcceptedAsWellAsEnglishNames() {
        assertThat(ImportColumn.named("出厂编号")).contains(ImportColumn.SERIAL_NUMBER);
        assertThat(ImportColumn.named(" Serial_Number ")).contains(ImportColumn.SERIAL_NUMBER);
        assertThat(ImportColumn.named("序列号")).isEmpty();
    }
}
