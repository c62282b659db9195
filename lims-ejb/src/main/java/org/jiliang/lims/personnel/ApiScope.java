package org.jiliang.lims.personnel;

/**
 * What an API token may do (issue 14): each scope names a part of the API a program may call with it; the web
 * module maps each to its paths and methods. A token never administers users or tokens, whoever made it.
 */
public enum ApiScope {
    /** Read the certificates: lists, CSV, archives, PDF and DCC downloads. */
    CERTIFICATES_READ,
    /** Read the register of the customer's instruments and their verifications. */
    INSTRUMENTS_READ,
    /** Read the customer's requests and follow them. */
    REQUESTS_READ,
    /** Book requests and cancel them. */
    REQUESTS_WRITE,
    /** Read the customer's messages, recall letters and impact notices. */
    MESSAGES_READ
}
