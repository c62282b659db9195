package org.jiliang.lims.metrology;

import java.math.BigDecimal;

/** Numbers as a technician reads them in messages: thousands grouped with a space ("120 000"), no exponent. */
public final class DecimalText {

    private DecimalText() {
    }

    public static String grouped(BigDecimal value) {
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

    public static String grouped(Mass mass) {
        return grouped(mass.value()) + " " + mass.unit().symbol();
    }

    /** Drops trailing zeros of a computed value (15.00 becomes 15, 0.050 becomes 0.05) without an exponent. */
    public static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** "+7.5 g", "−2.5 g" as a certificate states an error: the sign always shown for non-zero values. */
    public static String signed(Mass mass) {
        return (mass.signum() > 0 ? "+" : "") + grouped(mass);
    }

    public static Mass tidy(Mass mass) {
        return mass.normalized();
    }
}
