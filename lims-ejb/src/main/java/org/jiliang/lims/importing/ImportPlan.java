package org.jiliang.lims.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.RegistryAdministration;

/**
 * What an import file would do to the register, and every problem on its row and column, without writing anything:
 * the rows to register (with their owners and sites, created when new), the rows already registered as they are
 * (unchanged: re-importing a file changes nothing), and the problems. Duplicates are found within the file and
 * against the register, by (manufacturer, model, serial number) and by (owner, asset number).
 */
public final class ImportPlan {

    /** Dates as people type them: 2026-03-01, 2026/3/1, 2026.3.1. */
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** What the register already holds that a file's rows are checked against. */
    public interface Known {
        LocalDate today();

        /** The categories in force today, by code. */
        Map<String, CategoryView> categories();

        /** The names of the owners the file names that exist, by code. */
        Map<String, String> ownerNames();

        /** The districts of those owners that have one, by code. */
        Map<String, String> ownerDistricts();

        /** The owner code of each registered instrument the file names, by {@link #instrumentKey}. */
        Map<String, String> instrumentOwners();

        /** The instrument (its {@link #instrumentKey}) holding each asset number the file names, by {@link #assetKey}. */
        Map<String, String> assets();
    }

    /** A row to register. */
    public record NewRow(int row, String ownerCode, String ownerName, String ownerAddress, String ownerDistrict,
            String ownerEmail, String site, String siteDistrict, CategoryView category, String description,
            String manufacturer, String model, String serialNumber, String assetNumber, int intervalMonths,
            LocalDate lastVerifiedOn, String lastCertificate, ScaleParameters scale) {
    }

    /** The outcome: rows to register, how many are registered already, the problems (none: it may be imported). */
    public record Result(int rows, List<NewRow> newRows, int unchanged, List<Problem> problems) {
    }

    private ImportPlan() {
    }

    public static String instrumentKey(String manufacturer, String model, String serialNumber) {
        return manufacturer + "\u001f" + model + "\u001f" + serialNumber;
    }

    public static String assetKey(String ownerCode, String assetNumber) {
        return ownerCode + "\u001f" + assetNumber;
    }

    /** The codes, serial numbers and asset numbers a file names, for reading what the register knows of them. */
    public record Names(Set<String> ownerCodes, Set<String> serialNumbers, Set<String> assetNumbers) {
    }

    public static Names names(List<SheetRow> rows) {
        Set<String> owners = new java.util.HashSet<>();
        Set<String> serials = new java.util.HashSet<>();
        Set<String> assets = new java.util.HashSet<>();
        Map<ImportColumn, Integer> columns = headings(rows, new ArrayList<>());
        for (SheetRow r : rows.subList(Math.min(1, rows.size()), rows.size())) {
            owners.add(cell(r, columns, ImportColumn.OWNER_CODE));
            serials.add(cell(r, columns, ImportColumn.SERIAL_NUMBER));
            assets.add(cell(r, columns, ImportColumn.ASSET_NUMBER));
        }
        owners.remove("");
        serials.remove("");
        assets.remove("");
        return new Names(owners, serials, assets);
    }

    public static Result check(List<SheetRow> rows, Known known) {
        List<Problem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add(Problem.of(1, null, "error.import.noHeading"));
            return new Result(0, List.of(), 0, problems);
        }
        Map<ImportColumn, Integer> columns = headings(rows, problems);
        if (!problems.isEmpty()) {
            return new Result(rows.size() - 1, List.of(), 0, problems);
        }
        List<NewRow> newRows = new ArrayList<>();
        int unchanged = 0;
        int dataRows = 0;
        Map<String, Integer> serialsInFile = new HashMap<>();
        Map<String, Integer> assetsInFile = new HashMap<>();
        Map<String, String> ownerNamesInFile = new HashMap<>();
        Map<String, String> ownerDistrictsInFile = new HashMap<>(known.ownerDistricts());
        for (SheetRow r : rows.subList(1, rows.size())) {
            if (r.blank()) {
                continue;
            }
            dataRows++;
            int before = problems.size();
            Map<ImportColumn, String> v = new EnumMap<>(ImportColumn.class);
            for (ImportColumn c : ImportColumn.values()) {
                String value = cell(r, columns, c);
                if (value.length() > c.maxLength()) {
                    problems.add(Problem.of(r.number(), c, "error.import.tooLong", value.length(), c.maxLength()));
                } else if (value.isEmpty() && c.required()) {
                    problems.add(Problem.of(r.number(), c, "error.import.required", c.heading()));
                }
                v.put(c, value);
            }
            String owner = v.get(ImportColumn.OWNER_CODE);
            if (!owner.isEmpty() && !RegistryAdministration.CUSTOMER_CODE.matcher(owner).matches()) {
                problems.add(Problem.of(r.number(), ImportColumn.OWNER_CODE, "error.import.ownerCode", owner));
            }
            String registeredName = known.ownerNames().get(owner);
            String name = v.get(ImportColumn.OWNER_NAME);
            if (registeredName != null && !name.isEmpty() && !name.equals(registeredName)) {
                problems.add(Problem.of(r.number(), ImportColumn.OWNER_NAME, "error.import.ownerName", owner,
                        registeredName, name));
            }
            if (registeredName == null && !owner.isEmpty()) {
                String earlier = ownerNamesInFile.get(owner);
                if (name.isEmpty() && earlier == null) {
                    problems.add(Problem.of(r.number(), ImportColumn.OWNER_NAME, "error.import.newOwner", owner));
                } else if (!name.isEmpty() && earlier != null && !earlier.equals(name)) {
                    problems.add(Problem.of(r.number(), ImportColumn.OWNER_NAME, "error.import.ownerName", owner,
                            earlier, name));
                }
                if (earlier == null && !name.isEmpty()) {
                    ownerNamesInFile.put(owner, name);
                    if (v.get(ImportColumn.OWNER_ADDRESS).isEmpty()) {
                        problems.add(Problem.of(r.number(), ImportColumn.OWNER_ADDRESS, "error.import.ownerAddress",
                                owner));
                    }
                }
            }
            String email = v.get(ImportColumn.OWNER_EMAIL);
            if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
                problems.add(Problem.of(r.number(), ImportColumn.OWNER_EMAIL, "error.import.email", email));
            }
            String code = v.get(ImportColumn.CATEGORY);
            CategoryView category = known.categories().get(code);
            if (!code.isEmpty() && category == null) {
                problems.add(Problem.of(r.number(), ImportColumn.CATEGORY, "error.import.category", code,
                        String.join(", ", new java.util.TreeSet<>(known.categories().keySet()))));
            }
            Integer interval = wholeNumber(r, v, ImportColumn.INTERVAL_MONTHS, problems);
            if (interval != null && category != null && (interval < 1 || interval > category.intervalMonths())) {
                problems.add(Problem.of(r.number(), ImportColumn.INTERVAL_MONTHS, "error.import.interval", interval,
                        category.nameZh(), category.regulation(), category.intervalMonths()));
            }
            LocalDate verified = date(r, v, ImportColumn.LAST_VERIFIED_ON, known.today(), problems);
            if (verified != null && v.get(ImportColumn.LAST_CERTIFICATE).isEmpty()) {
                problems.add(Problem.of(r.number(), ImportColumn.LAST_CERTIFICATE, "error.import.certificateMissing"));
            }
            if (!owner.isEmpty() && !v.get(ImportColumn.OWNER_DISTRICT).isEmpty()) {
                ownerDistrictsInFile.putIfAbsent(owner, v.get(ImportColumn.OWNER_DISTRICT));
            }
            String site = v.get(ImportColumn.SITE);
            String siteDistrict = !v.get(ImportColumn.SITE_DISTRICT).isEmpty() ? v.get(ImportColumn.SITE_DISTRICT)
                    : !v.get(ImportColumn.OWNER_DISTRICT).isEmpty() ? v.get(ImportColumn.OWNER_DISTRICT)
                    : ownerDistrictsInFile.getOrDefault(owner, "");
            if (!site.isEmpty() && siteDistrict.isEmpty()) {
                problems.add(Problem.of(r.number(), ImportColumn.SITE_DISTRICT, "error.import.siteDistrict", site));
            }
            ScaleParameters scale = scale(r, v, category, problems);

            String key = instrumentKey(v.get(ImportColumn.MANUFACTURER), v.get(ImportColumn.MODEL),
                    v.get(ImportColumn.SERIAL_NUMBER));
            Integer firstRow = serialsInFile.putIfAbsent(key, r.number());
            if (firstRow != null) {
                problems.add(Problem.of(r.number(), ImportColumn.SERIAL_NUMBER, "error.import.duplicateSerial",
                        v.get(ImportColumn.SERIAL_NUMBER), firstRow));
            }
            String registeredOwner = known.instrumentOwners().get(key);
            if (registeredOwner != null && !registeredOwner.equals(owner)) {
                problems.add(Problem.of(r.number(), ImportColumn.SERIAL_NUMBER, "error.import.serialOtherOwner",
                        v.get(ImportColumn.SERIAL_NUMBER), registeredOwner));
            }
            String asset = v.get(ImportColumn.ASSET_NUMBER);
            if (!asset.isEmpty()) {
                Integer assetRow = assetsInFile.putIfAbsent(assetKey(owner, asset), r.number());
                if (assetRow != null) {
                    problems.add(Problem.of(r.number(), ImportColumn.ASSET_NUMBER, "error.import.duplicateAsset",
                            asset, assetRow));
                }
                String holder = known.assets().get(assetKey(owner, asset));
                if (holder != null && !holder.equals(key)) {
                    problems.add(Problem.of(r.number(), ImportColumn.ASSET_NUMBER, "error.import.assetTaken", asset,
                            owner));
                }
            }
            if (problems.size() > before) {
                continue;
            }
            if (registeredOwner != null) {
                unchanged++;
                continue;
            }
            newRows.add(new NewRow(r.number(), owner, registeredName != null ? registeredName
                    : ownerNamesInFile.get(owner), emptyToNull(v.get(ImportColumn.OWNER_ADDRESS)),
                    ownerDistrictsInFile.get(owner), emptyToNull(email), emptyToNull(site),
                    emptyToNull(siteDistrict), category, v.get(ImportColumn.DESCRIPTION),
                    v.get(ImportColumn.MANUFACTURER), v.get(ImportColumn.MODEL), v.get(ImportColumn.SERIAL_NUMBER),
                    emptyToNull(asset), interval, verified, emptyToNull(v.get(ImportColumn.LAST_CERTIFICATE)), scale));
        }
        if (dataRows == 0 && problems.isEmpty()) {
            problems.add(Problem.of(2, null, "error.import.noRows"));
        }
        return new Result(dataRows, problems.isEmpty() ? newRows : List.of(), unchanged, problems);
    }

    /** The heading row: each column once, every required column there, nothing unknown. */
    private static Map<ImportColumn, Integer> headings(List<SheetRow> rows, List<Problem> problems) {
        Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
        if (rows.isEmpty()) {
            return columns;
        }
        SheetRow heading = rows.get(0);
        for (int i = 0; i < heading.cells().size(); i++) {
            String text = heading.cell(i);
            if (text.isEmpty()) {
                continue;
            }
            var column = ImportColumn.named(text);
            if (column.isEmpty()) {
                problems.add(new Problem(heading.number(), text, "error.import.unknownColumn", List.of(text)));
            } else if (columns.putIfAbsent(column.get(), i) != null) {
                problems.add(Problem.of(heading.number(), column.get(), "error.import.columnTwice", text));
            }
        }
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required() && !columns.containsKey(c)) {
                problems.add(Problem.of(heading.number(), c, "error.import.missingColumn", c.columnName(),
                        c.heading()));
            }
        }
        return columns;
    }

    private static String cell(SheetRow r, Map<ImportColumn, Integer> columns, ImportColumn c) {
        Integer index = columns.get(c);
        return index == null ? "" : r.cell(index);
    }

    private static Integer wholeNumber(SheetRow r, Map<ImportColumn, String> v, ImportColumn c, List<Problem> problems) {
        String text = v.get(c);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
        } catch (NumberFormatException e) {
            problems.add(Problem.of(r.number(), c, "error.import.notWholeNumber", text));
            return null;
        }
    }

    private static LocalDate date(SheetRow r, Map<ImportColumn, String> v, ImportColumn c, LocalDate today,
            List<Problem> problems) {
        String text = v.get(c);
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        LocalDate date = null;
        if (m.matches()) {
            try {
                date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                date = null;
            }
        }
        if (date == null) {
            problems.add(Problem.of(r.number(), c, "error.import.date", text));
            return null;
        }
        if (date.isAfter(today)) {
            problems.add(Problem.of(r.number(), c, "error.import.dateFuture", date, today));
            return null;
        }
        if (date.isBefore(today.minusMonths(RegistryAdministration.MAX_INTERVAL_MONTHS))) {
            problems.add(Problem.of(r.number(), c, "error.import.dateOld", date,
                    RegistryAdministration.MAX_INTERVAL_MONTHS));
            return null;
        }
        return date;
    }

    /** A scale's R 76 parameters, all four or none, for a non-automatic weighing instrument only. */
    private static ScaleParameters scale(SheetRow r, Map<ImportColumn, String> v, CategoryView category,
            List<Problem> problems) {
        List<ImportColumn> parts = List.of(ImportColumn.ACCURACY_CLASS, ImportColumn.MAX, ImportColumn.E,
                ImportColumn.D);
        long given = parts.stream().filter(c -> !v.get(c).isEmpty()).count();
        if (given == 0) {
            return null;
        }
        if (category != null && !"SCALE".equals(category.instrumentKind())) {
            problems.add(Problem.of(r.number(), ImportColumn.ACCURACY_CLASS, "error.import.scaleNotScale",
                    category.code()));
            return null;
        }
        if (given < parts.size()) {
            parts.stream().filter(c -> v.get(c).isEmpty()).forEach(c -> problems.add(Problem.of(r.number(), c,
                    "error.import.scalePart", c.heading())));
            return null;
        }
        try {
            return new ScaleParameters(AccuracyClass.valueOf(v.get(ImportColumn.ACCURACY_CLASS)),
                    Mass.parse(v.get(ImportColumn.MAX)), Mass.parse(v.get(ImportColumn.E)),
                    Mass.parse(v.get(ImportColumn.D)));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(r.number(), ImportColumn.ACCURACY_CLASS, "error.import.scale",
                    v.get(ImportColumn.ACCURACY_CLASS), v.get(ImportColumn.MAX), v.get(ImportColumn.E),
                    v.get(ImportColumn.D), e.getMessage() == null ? "" : e.getMessage()));
            return null;
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
