package org.jiliang.lims.platform;

/**
 * Runtime settings read from system properties, with the defaults of a one-machine
 * installation. Names are documented in the README.
 */
public final class Settings {

    private Settings() {
    }

    /** True when the server was started with demo data and simulated bench devices. */
    public static boolean demoMode() {
        return Boolean.parseBoolean(System.getProperty("jiliang.demo", "false"));
    }

    /** Base URL printed on certificates (QR code) and in the start banner. */
    public static String publicBaseUrl() {
        return System.getProperty("jiliang.public-url", "http://localhost:8080/lims");
    }

    /** Loopback port of the demo's simulated MT-SICS scale on bench 1. */
    public static int demoBalancePort() {
        return Integer.getInteger("jiliang.demo.balance-port", 4001);
    }

    /** The simulated mass comparator of the demo's mass bench. */
    public static int demoComparatorPort() {
        return Integer.getInteger("jiliang.demo.comparator-port", 4002);
    }
}
