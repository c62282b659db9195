package org.jiliang.instrument.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who reads which device in this JVM: one consumer per device id, and one per serial port, across
 * every CamelContext of the JVM. Another process is kept off a serial port by the exclusive open of
 * {@link org.jiliang.instrument.transport.SerialLink}; a TCP device decides itself how many clients
 * it accepts.
 */
final class DeviceOwners {

    private static final ConcurrentHashMap<String, DeviceSession> BY_DEVICE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> BY_SERIAL_PORT = new ConcurrentHashMap<>();

    private DeviceOwners() {
    }

    /**
     * Makes the session the owner of its device (and serial port).
     *
     * @throws IllegalStateException naming the current owner if there is one
     */
    static void claim(DeviceSession session) {
        String deviceId = session.deviceId();
        DeviceSession existing = BY_DEVICE.putIfAbsent(deviceId, session);
        if (existing != null) {
            throw new IllegalStateException("Bench device " + deviceId + " is already read by " + existing.owner()
                    + " in this JVM; a device has one owner at a time, so " + session.owner() + " cannot start");
        }
        String portKey = session.serialPortKey();
        if (portKey != null) {
            String other = BY_SERIAL_PORT.putIfAbsent(portKey, deviceId);
            if (other != null) {
                BY_DEVICE.remove(deviceId, session);
                throw new IllegalStateException("Serial port " + portKey + " is already read by bench device " + other
                        + " in this JVM; a port has one owner at a time, so " + session.owner() + " cannot start");
            }
        }
    }

    static void release(DeviceSession session) {
        if (BY_DEVICE.remove(session.deviceId(), session) && session.serialPortKey() != null) {
            BY_SERIAL_PORT.remove(session.serialPortKey(), session.deviceId());
        }
    }

    /** The running consumer's session of a device, through which a producer sends its commands. */
    static Optional<DeviceSession> owner(String deviceId) {
        return Optional.ofNullable(BY_DEVICE.get(deviceId));
    }

    /** The device a serial path stands for: its real path if it exists now (so a symlink and its target are one port). */
    static String serialPortKey(String path) {
        Path file = Path.of(path).toAbsolutePath().normalize();
        try {
            return Files.exists(file) ? file.toRealPath().toString() : file.toString();
        } catch (IOException e) {
            return file.toString();
        }
    }
}
