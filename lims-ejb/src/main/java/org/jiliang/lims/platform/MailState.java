package org.jiliang.lims.platform;

/** Where a letter's or a notice's e-mail stands (recall letters, impact notices); see V023 for why SENDING is kept. */
public enum MailState {
    /** To be sent by the next delivery. */
    PENDING,
    /** Handed to the mail server; a crash before SENT leaves it here, and it is not sent again. */
    SENDING,
    SENT,
    /** The mail server refused or could not be reached; tried again by the next runs, at most {@code MAX_ATTEMPTS}. */
    FAILED,
    /** The owner has no e-mail address: the letter is in the portal and printed only. */
    NO_ADDRESS,
    /** The owner chose not to get this kind by e-mail (issue 14): it is in the portal (and printed) only. */
    NOT_WANTED
}
