package org.jiliang.lims.metrology.scale;

import java.math.BigDecimal;
import org.jiliang.lims.metrology.Mass;

/** Masses as a technician reads them in labels and reasons: "30 000 g", errors with their sign "+7.5 g". */
final class MassText {

    private MassText() {
    }

    /** "30 000 g", "0.5 g": thousands grouped with a space, no superfluous zeros. */
    static String grouped(Mass mass) {
        return grouped(mass.value()) + " " + mass.unit().symbol();
    }

    /** An error with its sign: "+7.5 g", "-2 g", "0 g". */
    static String signed(Mass mass) {
        return (mass.signum() > 0 ? "+" : "") + grouped(mass);
    }

    static String grouped(BigDecimal value) {
        String plain = tidy(value).toPlainString();
        String sign = plain.startsWith("-") ? "-" : "";
        String unsigned = plain.substring(sign.length());
        int point = unsigned.indexOf('.');
        String integer = point < 0 ? unsigned : unsigned.substring(0, point);
        String fraction = point < 0 ? "" : unsigned.substring(point);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                out.append(' ');
            }
            out.append(integer.charAt(i));
        }
        return sign + out + fraction;
    }

    static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static Mass tidy(Mass mass) {
        return Mass.of(tidy(mass.value()), mass.unit());
    }
}
