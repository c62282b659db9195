package org.jiliang.lims.bench;

/** A bench device was registered, enabled or disabled; seen by observers only after commit. */
public record DeviceProfileChanged(String deviceCode, boolean enabled) {
}
