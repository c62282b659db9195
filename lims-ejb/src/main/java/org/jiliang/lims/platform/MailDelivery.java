package org.jiliang.lims.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * Where the e-mail of a message, a letter or a notice stands (customer messages, recall letters, impact notices;
 * {@link MailQueue} moves it): the address it goes to, its
 * state, the attempts, the last error and when it was handed to the mail server. The columns are named alike in
 * every table that embeds it.
 */
@Embeddable
public class MailDelivery {

    /** Attempts at sending before the e-mail is left to the staff. */
    public static final int MAX_ATTEMPTS = 5;

    @Column(name = "email", updatable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "mail_state", nullable = false)
    private MailState state;

    @Column(name = "mail_attempts", nullable = false)
    private int attempts;

    @Column(name = "mail_error")
    private String error;

    @Column(name = "mailed_at")
    private Instant mailedAt;

    protected MailDelivery() {
    }

    /** An e-mail to {@code email}, or, without an address, none (the portal and paper only). */
    public static MailDelivery to(String email) {
        MailDelivery d = new MailDelivery();
        d.email = email;
        d.state = email == null ? MailState.NO_ADDRESS : MailState.PENDING;
        return d;
    }

    /** As {@link #to(String)}, unless the owner does not want this kind by e-mail: then none, and it says so. */
    public static MailDelivery to(String email, boolean wanted) {
        MailDelivery d = to(email);
        if (email != null && !wanted) {
            d.email = null;
            d.state = MailState.NOT_WANTED;
        }
        return d;
    }

    public void sending() {
        state = MailState.SENDING;
        attempts++;
    }

    public void sent(Instant at) {
        state = MailState.SENT;
        mailedAt = at;
        error = null;
    }

    public void failed(String reason) {
        state = MailState.FAILED;
        error = column(reason);
    }

    /**
     * Claimed ({@link #sending()}) but not handed over because the mail server could not be reached: as it was
     * before the claim, the attempt not counted. A mail never tried says why it waits; one the server refused before
     * keeps the server's reason.
     */
    public void notTried(String reason) {
        if (state != MailState.SENDING) {
            throw new IllegalStateException("an e-mail not being sent cannot be left untried: " + state);
        }
        attempts--;
        if (attempts == 0) {
            state = MailState.PENDING;
            error = column(reason);
        } else {
            state = MailState.FAILED;
        }
    }

    private static String column(String reason) {
        return reason == null ? "" : reason.length() > 500 ? reason.substring(0, 499) + "…" : reason;
    }

    public String email() {
        return email;
    }

    public MailState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public String error() {
        return error;
    }

    public Instant mailedAt() {
        return mailedAt;
    }
}
