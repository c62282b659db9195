package org.jiliang.lims.importing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of an import file: each recognised by its English name or its Chinese heading (the template's first
 * row), with the length of the column it is stored in. Columns may come in any order; unknown ones are reported.
 */
public enum ImportColumn {
    OWNER_CODE("owner_code", "使用单位代码", 32, true),
    OWNER_NAME("owner_name", "使用单位名称", 200, false),
    OWNER_ADDRESS("owner_address", "使用单位地址", 300, false),
    OWNER_DISTRICT("owner_district", "使用单位区县", 60, false),
    OWNER_EMAIL("owner_email", "使用单位邮箱", 200, false),
    SITE("site", "使用地点", 200, false),
    SITE_DISTRICT("site_district", "使用地点区县", 60, false),
    CATEGORY("category", "类别代码", 40, true),
    DESCRIPTION("description", "器具名称", 200, true),
    MANUFACTURER("manufacturer", "制造单位", 200, true),
    MODEL("model", "型号", 100, true),
    SERIAL_NUMBER("serial_number", "出厂编号", 100, true),
    ASSET_NUMBER("asset_number", "资产编号", 60, false),
    INTERVAL_MONTHS("interval_months", "检定周期（月）", 10, true),
    LAST_VERIFIED_ON("last_verified_on", "上次检定日期", 20, false),
    LAST_CERTIFICATE("last_certificate", "上次证书编号", 60, false),
    ACCURACY_CLASS("accuracy_class", "准确度等级", 8, false),
    MAX("max", "最大秤量", 32, false),
    E("e", "检定分度值", 32, false),
    D("d", "实际分度值", 32, false);

    private final String name;
    private final String heading;
    private final int maxLength;
    private final boolean required;

    ImportColumn(String name, String heading, int maxLength, boolean required) {
        this.name = name;
        this.heading = heading;
        this.maxLength = maxLength;
        this.required = required;
    }

    /** The column a heading names (English name or Chinese heading, case and spaces ignored). */
    public static Optional<ImportColumn> named(String heading) {
        String h = heading == null ? "" : heading.strip();
        return Arrays.stream(values()).filter(c -> c.name.equalsIgnoreCase(h) || c.heading.equals(h)).findFirst();
    }

    /** The name a problem and the template use. */
    public String columnName() {
        return name;
    }

    public String heading() {
        return heading;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean required() {
        return required;
    }
}
