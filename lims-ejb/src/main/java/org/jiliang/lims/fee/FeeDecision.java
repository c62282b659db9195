package org.jiliang.lims.fee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The fee of a job as decided when it is received, kept with the job: the category and price it was charged by, the
 * district it is counted in, and the free-verification programme that waives it.
 *
 * <p>The municipal policy pays from the budget for the free verification of named categories for named owners (the
 * scales of market traders, the medical instruments of township and community clinics). A job is free when its
 * owner belongs to a programme <em>and</em> its instrument's category is in the same programme: a clinic's
 * sphygmomanometer is free, the same clinic's scale is charged, a market's scale is free.
 *
 * @param category  the category the price is looked up by (catalogue code, or the kind of an instrument outside
 *                  legal control)
 * @param amount    the price in yuan; null when the price list has none for the category and work
 * @param district  the district the job is counted in: where the instrument is used (its site's, else its owner's)
 * @param programme the programme that waives the fee, or null: the fee is charged
 * @param reason    why it is waived, in both languages, or null
 */
public record FeeDecision(String category, BigDecimal amount, String district, String programme, String reason) {

    /** What the decision needs to know of the owner. */
    public record Owner(String code, String name, String programme) {
    }

    public boolean waived() {
        return programme != null;
    }

    /**
     * The fee of a job for {@code work} on an instrument of {@code category} on {@code day}.
     *
     * @param categoryProgramme the programme the catalogue puts the category in (null: none, or not under legal
     *                          control)
     */
    public static FeeDecision decide(Owner owner, String category, String categoryProgramme, String work,
            String district, LocalDate day) {
        BigDecimal amount = category == null ? null
                : FeeSchedule.of(category, work, day).map(FeeSchedule.Price::amount).orElse(null);
        if (owner.programme() == null || !Objects.equals(owner.programme(), categoryProgramme)) {
            return new FeeDecision(category, amount, district, null, null);
        }
        String p = owner.programme();
        return new FeeDecision(category, amount, district, p, "委托单位 " + owner.code() + " " + owner.name()
                + " 与器具类别 " + category + " 同属免费检定项目“" + p + "” / the owner " + owner.code()
                + " and the category " + category + " are both in the free-verification programme \"" + p + "\"");
    }
}
