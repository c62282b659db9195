/**
 * The bench environment monitor: a Vaisala PTU300 combined pressure, humidity and temperature
 * transmitter (or another transmitter of the family, e.g. HMT330) on its serial line — typed
 * commands ({@code SEND}, {@code R}, {@code S}, {@code INTV}), typed output and the codec.
 *
 * <p>Source: Vaisala PTU300 User's Guide M210796EN (revisions E to H), chapter 4 "Operation":
 * {@code SEND} outputs the reading once, {@code R} starts and {@code S} stops continuous output,
 * {@code FORM /} restores the default message {@code P= 1013.2 hPa T= 31.1 'C RH= 38.3 %RH}, whose
 * formatter is {@code 6.1 "P=" P " " U6 3.1 "T=" T " " U3 3.1 "RH=" RH " " U4 \r \n}, and "if value is
 * too long to fit to the allocated space or if there is an error in outputting the quantity, value is
 * displayed with stars". Default serial settings {@code 4800 E 7 1} are from the sibling HMT310 guide
 * (M210619EN, SERI); the PTU300 table of user-port defaults was not available, so configure the port
 * explicitly. Not verified in any source and therefore not relied on: the exact number of stars, and
 * what a transmitter prints for an unknown command.
 */
package org.jiliang.instrument.vaisala;
