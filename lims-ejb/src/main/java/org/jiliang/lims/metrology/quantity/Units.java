package org.jiliang.lims.metrology.quantity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiliang.lims.metrology.CsvResource;

/**
 * The units of {@code metrology/units.csv}, by symbol. Symbols are case-sensitive ("mg" is not "Mg"); a device's
 * "ohm" or "Ohm" is not a symbol here: the codec that reads a device names the unit by its symbol.
 */
public final class Units {

    static final String TABLE = "metrology/units.csv";
    private static final Map<String, Unit> BY_SYMBOL = load();

    private Units() {
    }

    private static Map<String, Unit> load() {
        Map<String, Unit> units = new LinkedHashMap<>();
        CsvResource table = CsvResource.load(TABLE).requireMetadata("source", "edition");
        for (CsvResource.Row row : table.rows()) {
            Unit unit = new Unit(row.text("symbol"), row.text("kind"), row.decimal("factor"), row.decimal("offset"));
            if (units.put(unit.symbol(), unit) != null) {
                throw new IllegalStateException(TABLE + " line " + row.lineNumber() + ": unit " + unit.symbol()
                        + " is listed twice");
            }
        }
        return Collections.unmodifiableMap(units);
    }

    /** The unit with this symbol, if the table has it. */
    public static Optional<Unit> find(String symbol) {
        return Optional.ofNullable(symbol == null ? null : BY_SYMBOL.get(symbol));
    }

    /** The unit with this symbol; an unknown symbol is refused with the symbol in the message. */
    public static Unit of(String symbol) {
        return find(symbol).orElseThrow(() -> new IllegalArgumentException("Unknown unit \"" + symbol + "\""));
    }

    /** Every unit of a kind of quantity, in the table's order. */
    public static List<Unit> ofKind(String kind) {
        return BY_SYMBOL.values().stream().filter(u -> u.kind().equals(kind)).toList();
    }
}
