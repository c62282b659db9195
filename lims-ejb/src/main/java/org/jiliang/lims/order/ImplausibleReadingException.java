package org.jiliang.lims.order;

import org.jiliang.lims.platform.RefusedException;

/**
 * A reading its method finds implausible for the point (an indication far from the load the point expects, a zero
 * point with something on the pan): refused, unless the technician states why the reading is right after all; the
 * reason is then kept with the reading. Other refusals of a method (a wrong order of readings) admit no reason.
 */
public class ImplausibleReadingException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public ImplausibleReadingException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
