package org.jiliang.instrument.reading;

/**
 * Who a device says it is, as far as it told: the answers to its protocol's identity commands
 * (MT-SICS {@code I2}/{@code I3}/{@code I4}, SCPI {@code *IDN?}). {@code null} fields were not told.
 * One reply usually tells one field (MT-SICS); {@link #with} joins the replies of one connection.
 *
 * @param model           the model or type designation, e.g. {@code XPE205} (an MT-SICS {@code I2} without its
 *                        capacity and unit); with a maker in front for SCPI ({@code KEITHLEY 2110})
 * @param serialNumber    the serial number, e.g. {@code B207696838}
 * @param softwareVersion the software / firmware version text as the device sent it
 */
public record DeviceIdentity(String model, String serialNumber, String softwareVersion) {

    public DeviceIdentity {
        model = blankToNull(model);
        serialNumber = blankToNull(serialNumber);
        softwareVersion = blankToNull(softwareVersion);
    }

    /** Nothing told yet. */
    public static final DeviceIdentity UNKNOWN = new DeviceIdentity(null, null, null);

    /** This identity with the fields {@code other} tells; a field told again is replaced by the newer answer. */
    public DeviceIdentity with(DeviceIdentity other) {
        return new DeviceIdentity(other.model != null ? other.model : model,
                other.serialNumber != null ? other.serialNumber : serialNumber,
                other.softwareVersion != null ? other.softwareVersion : softwareVersion);
    }

    public boolean isEmpty() {
        return model == null && serialNumber == null && softwareVersion == null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
