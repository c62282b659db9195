package org.jiliang.reports.signing;

/** A document could not be signed: the key, the time-stamp authority or the PDF; the message says which. */
public class SigningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
