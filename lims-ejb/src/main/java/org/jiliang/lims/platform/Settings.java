package org.jiliang.lims.platform;

import java.nio.file.Path;
import java.time.Duration;

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

    /**
     * {@code jiliang.demo.history} (default true): whether a demo loaded into an empty database then works a few jobs
     * at its simulated benches through the services, so that the figures pages count real work (DemoBenchHistory).
     * The integration tests' shared server turns it off: its benches must be theirs alone.
     */
    public static boolean demoHistory() {
        return Boolean.parseBoolean(System.getProperty("jiliang.demo.history", "true"));
    }

    /**
     * {@code jiliang.clock.start} (an ISO offset date-time, e.g. 2027-01-30T08:00+08:00): a demo or test server whose
     * clock reads that time at its start and runs on from there, so that a test of what the system plans (recall
     * notices, due dates) moves time by restarting instead of waiting. Refused outside demo mode
     * ({@link ClockProducer}); absent: the real time.
     */
    public static java.util.Optional<java.time.OffsetDateTime> clockStart() {
        String value = System.getProperty("jiliang.clock.start", "").strip();
        if (value.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.OffsetDateTime.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("jiliang.clock.start: '" + value + "' is not an ISO date-time with offset"
                    + " such as 2027-01-30T08:00+08:00", e);
        }
    }

    /** Base URL printed on certificates (QR code) and in the start banner. */
    /**
     * The institute's time zone ({@code jiliang.time-zone}, default Asia/Shanghai): every time a person reads, on
     * pages, certificates and in the audit trail, is local time there. A zone Java does not know stops the start.
     */
    public static java.time.ZoneId timeZone() {
        String id = System.getProperty("jiliang.time-zone", "Asia/Shanghai").strip();
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new IllegalStateException("jiliang.time-zone: unknown time zone '" + id
                    + "'; give a region such as Asia/Shanghai", e);
        }
    }

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

    /** The simulated multimeter of the demo's electrical bench: SCPI on a raw TCP socket, as LXI meters serve it. */
    public static int demoMultimeterPort() {
        return Integer.getInteger("jiliang.demo.multimeter-port", 5025);
    }

    /** The simulated multifunction calibrator (a Fluke 5520A's remote commands) the demo's multimeter bench drives. */
    public static int demoCalibratorPort() {
        return Integer.getInteger("jiliang.demo.calibrator-port", 4004);
    }

    /** The simulated digital pressure standard (Druck PACE SCPI) of the demo's blood-pressure bench. */
    public static int demoPressurePort() {
        return Integer.getInteger("jiliang.demo.pressure-port", 4003);
    }

    /** Where the H2 database and, unless moved, the audit anchor key live. */
    public static Path dataDir() {
        return Path.of(System.getProperty("jiliang.data.dir", System.getProperty("user.home") + "/.jiliang-lims"));
    }

    /**
     * The Elytron secret-key credential store with the audit anchor key. The same expression,
     * with the same default, is the store's path in configure-server.cli.
     */
    public static Path auditKeyStore() {
        String path = System.getProperty("jiliang.audit.key-store");
        return path != null ? Path.of(path) : dataDir().resolve("keys").resolve("audit-anchor.cs");
    }

    /**
     * The PKCS#12 key store whose key signs certificates (PAdES): {@code LIMS_SIGNING_KEYSTORE}, required outside demo
     * mode (ProductionReadiness); the demo's own, generated at its first certificate, in the data folder otherwise.
     * configure-server.cli declares the same store in Elytron.
     */
    public static Path signingKeyStore() {
        String path = System.getenv("LIMS_SIGNING_KEYSTORE");
        return path != null && !path.isBlank() ? Path.of(path)
                : dataDir().resolve("keys").resolve("certificate-signing-demo.p12");
    }

    /** The signing key store's password: {@code LIMS_SIGNING_KEYSTORE_PASSWORD}; the demo's default otherwise. */
    public static char[] signingKeyStorePassword() {
        String password = System.getenv("LIMS_SIGNING_KEYSTORE_PASSWORD");
        return (password != null && !password.isBlank() ? password : "jiliang-demo").toCharArray();
    }

    /**
     * The RFC 3161 time-stamp authority that makes signatures PAdES B-T ({@code LIMS_TSA_URL} or
     * {@code -Djiliang.tsa.url}); none: B-B. The demo runs its own on loopback unless one is given.
     */
    public static java.util.Optional<java.net.URI> timeStampAuthority() {
        String url = System.getenv("LIMS_TSA_URL");
        if (url == null || url.isBlank()) {
            url = System.getProperty("jiliang.tsa.url");
        }
        return url == null || url.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(java.net.URI.create(url));
    }

    /** The port of the demo's loopback time-stamp authority. */
    public static int demoTsaPort() {
        return Integer.getInteger("jiliang.demo.tsa-port", 4006);
    }

    /**
     * How long the demo's simulated scale and mass comparator show a load as moving after it is placed
     * ({@code -Djiliang.demo.settle-time}, an ISO-8601 duration from PT0S to PT10S, default PT0.8S, about what a
     * bench scale takes). The integration tests' shared server shortens it: their jobs place a load some forty times
     * each, and a test that must see a moving pan asks the simulator for a long movement itself.
     */
    public static Duration demoSettleTime() {
        return duration("jiliang.demo.settle-time", "PT0.8S", Duration.ofSeconds(10), false,
                "a duration from PT0S to PT10S such as PT0.8S");
    }

    /** How often the server anchors the head of the audit chain when it has grown. */
    public static Duration auditAnchorInterval() {
        return Duration.parse(System.getProperty("jiliang.audit.anchor-interval", "PT10M"));
    }

    /** The server anchors at least every this many audit entries, inside the transaction of the entry. */
    public static long auditAnchorEvery() {
        return Math.max(1, Long.getLong("jiliang.audit.anchor-every", 500));
    }

    /**
     * How far ahead of the server's clock a bench agent's time stamp may be before the frame is refused
     * ({@code -Djiliang.agent.max-clock-skew}, an ISO-8601 duration such as {@code PT2M}, or seconds).
     * A bench PC whose clock runs ahead would otherwise make its readings look fresher than they are.
     */
    public static Duration agentMaxClockSkew() {
        return duration("jiliang.agent.max-clock-skew", "PT2M", null, true,
                "a duration such as PT2M or a number of seconds");
    }

    /**
     * A system property holding an ISO-8601 duration (or, where {@code seconds} allows, a plain number of seconds),
     * not negative and at most {@code max} when there is one; anything else stops the start with the property's
     * name, what it must be ({@code expected}) and what it was.
     */
    private static Duration duration(String name, String fallback, Duration max, boolean seconds, String expected) {
        String text = System.getProperty(name, fallback).strip();
        try {
            Duration value = seconds && !text.isEmpty() && text.chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
            if (!value.isNegative() && (max == null || value.compareTo(max) <= 0)) {
                return value;
            }
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(name + " must be " + expected + ", was '" + text + "'");
    }

    /**
     * Jobs a technician takes on in a day ({@code -Djiliang.calendar.capacity}, default 8): the work calendar
     * refuses a ninth.
     */
    public static int calendarCapacity() {
        String text = System.getProperty("jiliang.calendar.capacity", "8").strip();
        try {
            int capacity = Integer.parseInt(text);
            if (capacity >= 1 && capacity <= 100) {
                return capacity;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("jiliang.calendar.capacity must be a number of jobs from 1 to 100, was '"
                + text + "'");
    }
}
