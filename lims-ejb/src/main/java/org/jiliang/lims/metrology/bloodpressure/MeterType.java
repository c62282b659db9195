package org.jiliang.lims.metrology.bloodpressure;

import org.jiliang.lims.metrology.scale.BilingualText;

/** The kinds of blood-pressure meter the regulations distinguish; the names are those of the data files. */
public enum MeterType {
    AUTOMATED(new BilingualText("无创自动测量血压计", "non-invasive automated sphygmomanometer")),
    MERCURY(new BilingualText("水银血压计", "mercury sphygmomanometer")),
    ANEROID(new BilingualText("弹性式血压表", "aneroid sphygmomanometer"));

    private final BilingualText label;

    MeterType(BilingualText label) {
        this.label = label;
    }

    public BilingualText label() {
        return label;
    }
}
