package org.jiliang.lims.metrology.prepackage;

import org.jiliang.lims.metrology.MetrologyRefusal;

/**
 * Bad input to the net-content metrology (a quantity outside the tables, an unknown unit, a tare above the gross, a
 * sample of the wrong size), refused before anything is judged (see {@link MetrologyRefusal}).
 */
public final class NetContentRefusal extends MetrologyRefusal {

    private static final long serialVersionUID = 1L;

    NetContentRefusal(String key, Object... arguments) {
        super(key, arguments);
    }
}
