package org.jiliang.lims.schedule;

/** Where a letter's e-mail stands; see V023 for why SENDING is kept. */
public enum MailState {
    /** To be sent by the next delivery. */
    PENDING,
    /** Handed to the mail server; a crash before SENT leaves it here, and it is not sent again. */
    SENDING,
    SENT,
    /** The mail server refused or could not be reached; tried again by the next runs, at most {@code MAX_ATTEMPTS}. */
    FAILED,
    /** The owner has no e-mail address: the letter is in the portal and printed only. */
    NO_ADDRESS
}
