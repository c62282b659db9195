package org.jiliang.reports.signing;

/** An RFC 3161 time-stamp authority: a time-stamp token over a SHA-256 digest (PAdES B-T: of the signature value). */
@FunctionalInterface
public interface TimeStampAuthority {

    /**
     * @param sha256 the digest to stamp
     * @return the DER encoding of the time-stamp token (a CMS SignedData)
     * @throws SigningException if the authority does not answer or refuses
     */
    byte[] timeStampToken(byte[] sha256);
}
