package org.jiliang.lims.fee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.metrology.VerificationType;

/**
 * The institute's price list ({@value #RESOURCE}): the fee of one job by the instrument's category and the kind of
 * work, as in force on a day. A later price is a new line from its effective date; a job records the fee it was
 * received at, so a change never touches jobs already taken in.
 */
public final class FeeSchedule {

    static final String RESOURCE = "legal/fees.csv";
    /** The work of a job without a type of verification. */
    static final String CALIBRATION = "CALIBRATION";
    /** The kinds of work a price is for: the types of verification, and a calibration. */
    static final Set<String> WORK = Stream.concat(Arrays.stream(VerificationType.values()).map(Enum::name),
            Stream.of(CALIBRATION)).collect(Collectors.toUnmodifiableSet());
    /** The largest fee the job's column holds (numeric(10,2)). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    /** One line of the price list: yuan for one job of a kind of work on an instrument of a category. */
    public record Price(String category, String work, LocalDate from, BigDecimal amount) {
    }

    private static final List<Price> PRICES = load();

    private FeeSchedule() {
    }

    private static List<Price> load() {
        Set<String> seen = new HashSet<>();
        return CsvResource.load(RESOURCE).requireMetadata("source").rows().stream().map(r -> {
            Price p = new Price(r.text("category"), r.text("work"), r.date("effective_from"), r.decimal("amount"));
            if (!CATEGORY.matcher(p.category()).matches() || !WORK.contains(p.work()) || p.amount().signum() < 0
                    || p.amount().scale() > 2 || p.amount().compareTo(MAX_AMOUNT) > 0
                    || !seen.add(p.category() + " " + p.work() + " " + p.from())) {
                throw new IllegalStateException(RESOURCE + " line " + r.lineNumber() + " is not a price: " + r.values());
            }
            return p;
        }).toList();
    }

    /**
     * The price in force on {@code day} for {@code work} on an instrument of {@code category}: the line of that
     * category and work with the latest effective date not after the day; empty when the list has none (the job is
     * received without a fee, and says so).
     */
    public static Optional<Price> of(String category, String work, LocalDate day) {
        return in(PRICES, category, work, day);
    }

    /** {@link #of}'s rule over any list of prices. */
    static Optional<Price> in(List<Price> prices, String category, String work, LocalDate day) {
        return prices.stream().filter(p -> p.category().equals(category) && p.work().equals(work)
                && !p.from().isAfter(day)).max(Comparator.comparing(Price::from));
    }

    /** The work a price is looked up by: the type of verification, or a calibration (no type). */
    public static String work(VerificationType type) {
        return type == null ? CALIBRATION : type.name();
    }

    /** Every line, as shipped. */
    static List<Price> all() {
        return PRICES;
    }
}
