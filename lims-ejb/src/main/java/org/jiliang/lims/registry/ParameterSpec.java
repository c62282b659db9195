package org.jiliang.lims.registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;

/**
 * One parameter of a kind of instrument and how its value is written and checked: a quantity of a given kind
 * ("1000 V"), a list of such quantities ("0.1 V; 1 V; 10 V"), a whole number within bounds, one of a list of
 * choices, or a short text. A value that does not pass is refused naming the parameter, the value and what was
 * expected; nothing is stored.
 */
public record ParameterSpec(String name, String labelZh, String labelEn, Type type, String quantityKind,
        List<String> choices, BigDecimal min, BigDecimal max, boolean required) {

    public enum Type { QUANTITY, SIGNED_QUANTITY, QUANTITY_LIST, INTEGER, CHOICE, TEXT }

    /** instrument_parameter.name and value_text. */
    public static final int MAX_NAME = 40;
    public static final int MAX_VALUE = 400;
    /** A quantity list holds at most this many values (ranges of one function). */
    public static final int MAX_LIST = 16;
    /** Digits of one value, as readings are kept (numeric(38, 18)). */
    static final int INTEGER_DIGITS = 20;
    static final int DECIMALS = 18;
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9.]{0,39}");

    public ParameterSpec {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Parameter name " + name + " is not of the form " + NAME);
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        if ((type == Type.QUANTITY || type == Type.SIGNED_QUANTITY || type == Type.QUANTITY_LIST)
                && Units.ofKind(quantityKind).isEmpty()) {
            throw new IllegalArgumentException("No unit of kind " + quantityKind + " for parameter " + name);
        }
    }

    /** A positive quantity of the kind, within [min, max] in the kind's coherent unit when they are given. */
    public static ParameterSpec quantity(String name, String labelZh, String labelEn, String kind, boolean required) {
        return new ParameterSpec(name, labelZh, labelEn, Type.QUANTITY, kind, List.of(), null, null, required);
    }

    /**
     * A quantity of the kind of any sign (a zero error, an indication typed at a point), with the same bounds on its
     * digits.
     */
    public static ParameterSpec signedQuantity(String name, String labelZh, String labelEn, String kind,
            boolean required) {
        return new ParameterSpec(name, labelZh, labelEn, Type.SIGNED_QUANTITY, kind, List.of(), null, null, required);
    }

    public static ParameterSpec quantities(String name, String labelZh, String labelEn, String kind,
            boolean required) {
        return new ParameterSpec(name, labelZh, labelEn, Type.QUANTITY_LIST, kind, List.of(), null, null, required);
    }

    public static ParameterSpec integer(String name, String labelZh, String labelEn, int min, int max,
            boolean required) {
        return new ParameterSpec(name, labelZh, labelEn, Type.INTEGER, null, List.of(), BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), required);
    }

    public static ParameterSpec choice(String name, String labelZh, String labelEn, List<String> choices,
            boolean required) {
        return new ParameterSpec(name, labelZh, labelEn, Type.CHOICE, null, choices, null, null, required);
    }

    public static ParameterSpec text(String name, String labelZh, String labelEn, boolean required) {
        return new ParameterSpec(name, labelZh, labelEn, Type.TEXT, null, List.of(), null, null, required);
    }

    /** "量程 Ranges" for messages. */
    public String label() {
        return labelZh + " " + labelEn;
    }

    /**
     * The value as it will be stored (value text and unit), or empty when an optional parameter is left blank.
     *
     * @throws RefusedException naming the parameter when the value is missing, malformed or out of bounds
     */
    public Optional<InstrumentParameter.Value> check(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new RefusedException("error.instrument.parameterMissing", label());
            }
            return Optional.empty();
        }
        if (text.length() > MAX_VALUE) {
            throw refused(text.substring(0, 40) + "…", "≤ " + MAX_VALUE + " characters");
        }
        return Optional.of(switch (type) {
            case QUANTITY, SIGNED_QUANTITY -> {
                Quantity q = quantity(text);
                yield new InstrumentParameter.Value(plain(q.value()), q.unit().symbol());
            }
            case QUANTITY_LIST -> {
                List<Quantity> values = new ArrayList<>();
                for (String part : text.split(";")) {
                    values.add(quantity(part.strip()));
                }
                if (values.size() > MAX_LIST) {
                    throw refused(text, "≤ " + MAX_LIST + " values");
                }
                // each value as written, with its own unit: "100 mV; 1 V; 10 V" is how the manufacturer names ranges
                yield new InstrumentParameter.Value(String.join("; ", values.stream().map(Quantity::toString)
                        .toList()), null);
            }
            case INTEGER -> {
                BigDecimal n;
                try {
                    n = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw refused(text, "a whole number from " + min + " to " + max);
                }
                if (n.stripTrailingZeros().scale() > 0 || n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                    throw refused(text, "a whole number from " + min + " to " + max);
                }
                yield new InstrumentParameter.Value(n.toBigIntegerExact().toString(), null);
            }
            case CHOICE -> {
                if (!choices.contains(text)) {
                    throw refused(text, String.join(", ", choices));
                }
                yield new InstrumentParameter.Value(text, null);
            }
            case TEXT -> new InstrumentParameter.Value(text, null);
        });
    }

    /** "10 V", "0.1 mV": a decimal number, a space, a unit of the parameter's kind; positive, bounded digits. */
    private Quantity quantity(String text) {
        String[] parts = text.split("\\s+");
        String expected = (type == Type.SIGNED_QUANTITY ? "a value in " : "a positive value in ")
                + String.join(", ", Units.ofKind(quantityKind).stream()
                .map(Unit::symbol).toList());
        if (parts.length != 2) {
            throw refused(text, expected);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(parts[0]);
        } catch (NumberFormatException e) {
            throw refused(text, expected);
        }
        Unit unit = Units.find(parts[1]).filter(u -> u.kind().equals(quantityKind))
                .orElseThrow(() -> refused(text, expected));
        if ((type != Type.SIGNED_QUANTITY && value.signum() <= 0)
                || !InputLimits.fits(value, INTEGER_DIGITS, DECIMALS)) {
            throw refused(text, expected);
        }
        return new Quantity(value, unit);
    }

    private static String plain(BigDecimal v) {
        return v.toPlainString();
    }

    private RefusedException refused(String value, String expected) {
        return new RefusedException("error.instrument.parameterInvalid", label(), value, expected);
    }
}
