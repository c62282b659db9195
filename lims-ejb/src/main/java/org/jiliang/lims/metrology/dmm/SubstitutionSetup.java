package org.jiliang.lims.metrology.dmm;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;

/**
 * The set-up of a substitution (substitution.csv, docs/dmm-calibration.md section 5): the number of pairs of
 * indications, the comparator's transfer limits (relative), the half-width a_t of the resistors' temperature and
 * the window around the nominal value an indication of that resistor lies in (relative).
 */
public record SubstitutionSetup(int pairs, BigDecimal transferLimits, Quantity temperatureLimits,
        BigDecimal nominalWindow) {

    static final String TABLE = "metrology/dmm/substitution.csv";

    private static final SubstitutionSetup DATA = load();

    public SubstitutionSetup {
        if (pairs < DmmPointCalibration.MINIMUM_READINGS || transferLimits.signum() < 0
                || temperatureLimits.value().signum() < 0 || nominalWindow.signum() <= 0) {
            throw new IllegalStateException(TABLE + ": at least " + DmmPointCalibration.MINIMUM_READINGS
                    + " pairs, limits not negative and a window above zero; was " + pairs + ", " + transferLimits
                    + ", " + temperatureLimits + ", " + nominalWindow);
        }
    }

    /** The institute's set-up, from the data. */
    public static SubstitutionSetup data() {
        return DATA;
    }

    private static SubstitutionSetup load() {
        CsvResource table = CsvResource.load(TABLE).requireMetadata("source", "edition", "tag");
        Map<String, CsvResource.Row> rows = new LinkedHashMap<>();
        table.rows().forEach(r -> rows.put(r.text("quantity"), r));
        for (String key : new String[] {"pairs", "transfer", "temperature", "window"}) {
            if (!rows.containsKey(key)) {
                throw new IllegalStateException(TABLE + " lacks the line \"" + key + "\"");
            }
        }
        CsvResource.Row t = rows.get("temperature");
        return new SubstitutionSetup(rows.get("pairs").integer("value"), rows.get("transfer").decimal("value"),
                new Quantity(t.decimal("value"), Units.of(t.text("unit"))), rows.get("window").decimal("value"));
    }
}
