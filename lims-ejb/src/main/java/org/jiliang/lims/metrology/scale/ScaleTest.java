package org.jiliang.lims.metrology.scale;

/** The tests of a verification of a non-automatic weighing instrument, in the order they are performed. */
public enum ScaleTest {
    ZERO_SETTING("置零准确度", "zero-setting", "置零", "zero-setting"),
    WEIGHING("称量测试", "weighing test", "称量", "weighing"),
    ECCENTRICITY("偏载测试", "eccentricity test", "偏载", "eccentricity"),
    REPEATABILITY("重复性测试", "repeatability test", "重复性", "repeatability"),
    DISCRIMINATION("鉴别力测试", "discrimination test", "鉴别力", "discrimination"),
    TARE("除皮称量测试", "weighing test with tare", "除皮", "tare");

    private final String nameZh;
    private final String nameEn;
    private final String shortZh;
    private final String shortEn;

    ScaleTest(String nameZh, String nameEn, String shortZh, String shortEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.shortZh = shortZh;
        this.shortEn = shortEn;
    }

    /** The name of the test on a record or notice, e.g. "偏载测试 / eccentricity test". */
    public BilingualText title() {
        return new BilingualText(nameZh, nameEn);
    }

    /** The word that starts a point label, e.g. "偏载" / "eccentricity" in "偏载 位置 3 / eccentricity position 3". */
    BilingualText prefix() {
        return new BilingualText(shortZh, shortEn);
    }
}
