package org.jiliang.lims.metrology.bloodpressure;

import org.jiliang.lims.metrology.MetrologyRefusal;

/** Bad input to the blood-pressure metrology, refused before anything is judged (see {@link MetrologyRefusal}). */
public final class BpInputRefused extends MetrologyRefusal {

    private static final long serialVersionUID = 1L;

    BpInputRefused(String key, Object... arguments) {
        super(key, arguments);
    }
}
