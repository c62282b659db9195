package org.jiliang.lims.web.support;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * An audit entry's action in words (issue 11: the audit trail showed {@code job.environmentRecorded}): the web
 * bundle's {@code audit.event.<action>}, or the action itself for one no label names yet, so that nothing recorded
 * is ever hidden behind a missing word.
 */
public final class AuditEvents {

    static final String BUNDLE = "org.jiliang.lims.web.messages";
    public static final String PREFIX = "audit.event.";

    private AuditEvents() {
    }

    public static String label(String action, Locale locale) {
        if (action == null) {
            return "";
        }
        try {
            return ResourceBundle.getBundle(BUNDLE, locale).getString(PREFIX + action);
        } catch (MissingResourceException e) {
            return action;
        }
    }
}
