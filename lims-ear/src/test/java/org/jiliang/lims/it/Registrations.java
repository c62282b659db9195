package org.jiliang.lims.it;

/** Instruments as the intake clerk registers them through the API (POST /api/v1/registry/instruments). */
final class Registrations {

    private Registrations() {
    }

    /** A market's price-computing scale of the owner, of the accuracy class, maximum capacity and interval e = d. */
    static String scale(String customer, String serial, String accuracyClass, String max, String e) {
        return "{\"customerCode\":\"" + customer + "\",\"description\":\"电子计价秤\",\"manufacturer\":\"凯丰衡器\","
                + "\"model\":\"ACS-30\",\"serialNumber\":\"" + serial + "\",\"mandatoryVerification\":true,"
                + "\"intervalMonths\":12,\"location\":\"3 号摊位\",\"scale\":{\"accuracyClass\":\"" + accuracyClass
                + "\",\"max\":\"" + max + "\",\"e\":\"" + e + "\",\"d\":\"" + e + "\"}}";
    }

    /** A 30 kg class III scale, e = 10 g. */
    static String scale(String customer, String serial) {
        return scale(customer, serial, "III", "30 kg", "10 g");
    }
}
