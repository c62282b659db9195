package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of an {@link UncertaintyBudget}: RFC 4180 CSV, one record per line, the first field naming the
 * kind of record. Numbers are plain decimals at working precision, ν is a decimal or "∞".
 *
 * <pre>
 * # uncertainty budget, format 1
 * budget,measurand,unit,estimate,coverage,rounding[,basis]   (basis only when not UNROUNDED_COMBINED)
 * component,name,unit,estimate,standard_uncertainty,sensitivity_coefficient,contribution,degrees_of_freedom,type,distribution,basis
 * correlation,first,second,coefficient
 * result,combined_standard_uncertainty,effective_degrees_of_freedom,coverage_factor,expanded_uncertainty,reported_value,reported_expanded_uncertainty
 * </pre>
 */
final class BudgetCsv {

    static final String FORMAT = "# uncertainty budget, format 1";

    private BudgetCsv() {
    }

    static String write(UncertaintyBudget budget) {
        StringBuilder out = new StringBuilder(FORMAT).append('\n');
        if (budget.basis() == ExpandedUncertaintyBasis.UNROUNDED_COMBINED) {
            line(out, "budget", budget.measurand(), budget.unit(), plain(budget.estimate()),
                    coverage(budget.coverage()), budget.rounding().name());
        } else {
            line(out, "budget", budget.measurand(), budget.unit(), plain(budget.estimate()),
                    coverage(budget.coverage()), budget.rounding().name(), budget.basis().name());
        }
        for (UncertaintyBudget.Component c : budget.components()) {
            InputQuantity q = c.quantity();
            line(out, "component", q.name(), q.unit(), plain(q.estimate()), plain(q.standardUncertainty()),
                    plain(c.sensitivityCoefficient()), plain(c.contribution()), q.degreesOfFreedom().toString(),
                    q.evaluation().type().name(), q.evaluation().distribution(), q.evaluation().basis());
        }
        for (UncertaintyBudget.Correlation r : budget.correlations()) {
            line(out, "correlation", r.first(), r.second(), plain(r.coefficient()));
        }
        ReportedResult reported = budget.reported();
        line(out, "result", plain(budget.combinedStandardUncertainty()),
                budget.effectiveDegreesOfFreedom().map(DegreesOfFreedom::toString).orElse(""),
                plain(budget.coverageFactor()), plain(budget.expandedUncertainty()), plain(reported.value()),
                plain(reported.expandedUncertainty()));
        return out.toString();
    }

    static UncertaintyBudget read(String csv) {
        if (csv == null || !csv.startsWith(FORMAT)) {
            throw new IllegalArgumentException("Not a stored uncertainty budget: the first line must be \"" + FORMAT
                    + "\"");
        }
        UncertaintyBudget.Builder builder = null;
        List<String> result = null;
        String[] lines = csv.split("\r?\n");
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            List<String> f = fields(lines[n], n + 1);
            switch (f.get(0)) {
                case "budget" -> {
                    expect(f, f.size() == 7 ? 7 : 6, n);
                    builder = UncertaintyBudget.builder(f.get(1), f.get(2))
                            .estimate(new BigDecimal(f.get(3)))
                            .coverage(coverage(f.get(4)))
                            .rounding(UncertaintyRounding.valueOf(f.get(5)))
                            .basis(f.size() == 7 ? ExpandedUncertaintyBasis.valueOf(f.get(6))
                                    : ExpandedUncertaintyBasis.UNROUNDED_COMBINED);
                }
                case "component" -> {
                    expect(f, 11, n);
                    requireBudget(builder, n);
                    InputQuantity q = new InputQuantity(f.get(1), f.get(2), new BigDecimal(f.get(3)),
                            new BigDecimal(f.get(4)), DegreesOfFreedom.parse(f.get(7)),
                            new Evaluation(EvaluationType.valueOf(f.get(8)), f.get(9), f.get(10)));
                    builder.add(q, new BigDecimal(f.get(5)));
                }
                case "correlation" -> {
                    expect(f, 4, n);
                    requireBudget(builder, n);
                    builder.correlate(f.get(1), f.get(2), new BigDecimal(f.get(3)));
                }
                case "result" -> {
                    expect(f, 7, n);
                    result = f;
                }
                default -> throw new IllegalArgumentException("Line " + (n + 1) + ": unknown record \"" + f.get(0)
                        + "\"");
            }
        }
        requireBudget(builder, lines.length);
        UncertaintyBudget budget = builder.build();
        if (result != null) {
            String written = write(budget);
            String recomputed = written.substring(written.lastIndexOf("\nresult,") + 1).strip();
            String stored = String.join(",", result.stream().map(BudgetCsv::quote).toList());
            if (!recomputed.equals(stored)) {
                throw new IllegalArgumentException("The stored result of " + budget.measurand()
                        + " does not follow from its components: stored \"" + stored + "\", recomputed \""
                        + recomputed + "\"");
            }
        }
        return budget;
    }

    private static void requireBudget(UncertaintyBudget.Builder builder, int line) {
        if (builder == null) {
            throw new IllegalArgumentException("Line " + (line + 1) + ": a \"budget\" record must come first");
        }
    }

    private static void expect(List<String> fields, int count, int line) {
        if (fields.size() != count) {
            throw new IllegalArgumentException("Line " + (line + 1) + ": a \"" + fields.get(0) + "\" record has "
                    + count + " fields, found " + fields.size());
        }
    }

    private static String coverage(Coverage coverage) {
        if (coverage instanceof Coverage.StudentT t) {
            return "student-t:" + plain(t.coverageProbability());
        }
        return "factor:" + plain(((Coverage.Factor) coverage).k());
    }

    private static Coverage coverage(String text) {
        if (text.startsWith("student-t:")) {
            return Coverage.studentT(new BigDecimal(text.substring("student-t:".length())));
        }
        if (text.startsWith("factor:")) {
            return Coverage.factor(new BigDecimal(text.substring("factor:".length())));
        }
        throw new IllegalArgumentException("Unknown coverage \"" + text + "\"");
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields[i]));
        }
        out.append('\n');
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    private static List<String> fields(String line, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    current.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Line " + lineNumber + ": unterminated quoted field");
        }
        fields.add(current.toString());
        return fields;
    }
}
