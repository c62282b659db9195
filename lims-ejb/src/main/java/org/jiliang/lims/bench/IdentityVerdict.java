package org.jiliang.lims.bench;

import java.util.Objects;

/**
 * The identity an instrument reported, judged against its device profile (issue 9):
 * <ul>
 * <li>{@link Kind#VERIFIED}: every field the profile records (serial number, model) is what the instrument said;
 * <li>{@link Kind#DIFFERS}: one is not ({@code field}, {@code profileValue}, {@code deviceValue} say which); no
 *     reading of the device can be captured;
 * <li>{@link Kind#NOT_REGISTERED}: the profile records neither; readings can be captured, the page warns;
 * <li>{@link Kind#NOT_AVAILABLE}: the protocol has no identity commands (or the instrument refused them
 *     all while the profile records nothing);
 * <li>{@link Kind#NOT_READ}: the profile records an identity, but none was read on the current link (the
 *     link is down, or the instrument did not tell the recorded field); no reading can be captured.
 * </ul>
 * Values are compared as text, ignoring case and surrounding spaces: "b021002593" is the same serial number.
 */
public record IdentityVerdict(Kind kind, String field, String profileValue, String deviceValue) {

    public enum Kind { VERIFIED, DIFFERS, NOT_REGISTERED, NOT_AVAILABLE, NOT_READ }

    /** The fields of a profile, by the names used in messages and the API. */
    public static final String SERIAL_NUMBER = "serialNumber";
    public static final String MODEL = "model";

    public static IdentityVerdict judge(String profileSerialNumber, String profileModel, LinkState link) {
        boolean registered = profileSerialNumber != null || profileModel != null;
        if (!link.identityAvailable()) {
            // nobody can ask this instrument: the technician compares the rating plate, as before
            return new IdentityVerdict(Kind.NOT_AVAILABLE, null, null, null);
        }
        if (!registered) {
            return new IdentityVerdict(Kind.NOT_REGISTERED, null, null, null);
        }
        if (!link.identityRead() || link.down()) {
            return new IdentityVerdict(Kind.NOT_READ, null, null, null);
        }
        IdentityVerdict serial = compare(SERIAL_NUMBER, profileSerialNumber, link.serialNumber());
        if (serial != null) {
            return serial;
        }
        IdentityVerdict model = compare(MODEL, profileModel, link.model());
        return model != null ? model : new IdentityVerdict(Kind.VERIFIED, null, null, null);
    }

    /** Null if the field matches or the profile does not record it. */
    private static IdentityVerdict compare(String field, String profileValue, String deviceValue) {
        if (profileValue == null) {
            return null;
        }
        if (deviceValue == null) {
            return new IdentityVerdict(Kind.NOT_READ, field, profileValue, null);
        }
        return normal(profileValue).equals(normal(deviceValue)) ? null
                : new IdentityVerdict(Kind.DIFFERS, field, profileValue, deviceValue);
    }

    private static String normal(String value) {
        return Objects.requireNonNull(value).strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether readings of the device may be captured under this verdict. */
    public boolean allowsCapture() {
        return kind != Kind.DIFFERS && kind != Kind.NOT_READ;
    }
}
