package org.jiliang.lims.platform;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;
import java.util.Locale;

/**
 * An action the LIMS refuses for a reason the user must read (an overdue standard, an
 * unstable reading, signing one's own work). Carries a message key and arguments so the
 * page or the REST response can say it in the user's language. Nothing is written.
 */
@ApplicationException(rollback = true)
public class RefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public RefusedException(String messageKey, Object... arguments) {
        super(Messages.format(Locale.ENGLISH, messageKey, arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }

    public String getMessage(Locale locale) {
        return Messages.format(locale, messageKey, arguments);
    }
}
