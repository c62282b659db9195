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

    /**
     * How far ahead of the server's clock a bench agent's time stamp may be before the frame is refused
     * ({@code -Djiliang.agent.max-clock-skew}, an ISO-8601 duration such as {@code PT2M}, or seconds).
     * A bench PC whose clock runs ahead would otherwise make its readings look fresher than they are.
     */
    public static java.time.Duration agentMaxClockSkew() {
        String text = System.getProperty("jiliang.agent.max-clock-skew", "PT2M").strip();
        try {
            java.time.Duration skew = text.chars().allMatch(Character::isDigit)
                    ? java.time.Duration.ofSeconds(Long.parseLong(text)) : java.time.Duration.parse(text);
            if (!skew.isNegative()) {
                return skew;
            }
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("jiliang.agent.max-clock-skew must be a duration such as PT2M or a number of"
                + " seconds, was '" + text + "'");
    }
}
