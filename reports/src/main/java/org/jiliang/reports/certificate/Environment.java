package org.jiliang.reports.certificate;

import org.jiliang.reports.Quantity;

/**
 * Ambient conditions during the measurement. Either value may be {@code null} when the
 * procedure does not require it; the certificate then prints a dash.
 */
public record Environment(Quantity temperature, Quantity humidity) {
}
