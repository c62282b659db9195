package org.jiliang.lims.personnel;

import java.time.Instant;
import java.util.Set;

/** What a login attempt came to: who is now logged in, or why not. */
public sealed interface LoginOutcome {

    /** The name and password are right; the caller acts with these roles until the stamp changes. */
    record Authenticated(String username, Set<String> roles, long credentialStamp, boolean mustChangePassword)
            implements LoginOutcome {
    }

    /**
     * Refused, with the message key a person reads. {@code retryAt} is when a locked name or a blocked address
     * may try again (null for a plain wrong password).
     */
    record Refused(String messageKey, Instant retryAt) implements LoginOutcome {

        public boolean throttled() {
            return retryAt != null;
        }
    }
}
