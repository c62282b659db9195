package org.jiliang.lims.certificate;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.jiliang.reports.certificate.CertificateKind;

/**
 * The lots of prepackages whose net-content inspection report the desk issued, as the policy's figures count them:
 * by the kind of the report (a lot that passed, a failed lot with its notice), the first issue only (a revision does
 * not count a lot again). The desk owns what the kinds mean; the figures ask here.
 */
@Stateless
@PermitAll // internal: called by the figures' services, which check roles themselves
public class InspectedLots {

    /**
     * A JPQL query of the failed lots' reports per trader ({@code :since} an instant), to which a caller adds its
     * scope and {@code group by j.instrument.customer.id}; its kind is bound by {@link #bind}.
     */
    public static final String FAILED_BY_TRADER = "select j.instrument.customer.id, count(c) from Certificate c"
            + " join c.job j where c.revision = 0 and c.kind = :failedLot and c.issuedAt >= :since";
    /** A JPQL condition on a certificate number: not a failed lot's report (the kind bound by {@link #bind}). */
    public static final String NOT_A_FAILED_LOT = " not in (select fl.number from Certificate fl"
            + " where fl.kind = :failedLot)";

    /** Lots whose first report was issued in a period: how many, and how many of them passed. */
    public record Count(long passed, long lots) {
    }

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    /** Binds the kind {@link #FAILED_BY_TRADER} and {@link #NOT_A_FAILED_LOT} name. */
    public static <T> TypedQuery<T> bind(TypedQuery<T> query) {
        return query.setParameter("failedLot", CertificateKind.NET_CONTENT_NOTICE);
    }

    /**
     * The lots issued in [from, until), in {@code district} (null: everywhere) as the register recorded it with the
     * lot's result (the lot's site's district, else its trader's, on the day: a later move changes no past figure).
     */
    public Count issued(Instant from, Instant until, String district) {
        var query = em.createQuery("select c.kind, count(c) from Certificate c, VerificationRecord v"
                        + " where v.certificate = c.number and c.revision = 0 and c.kind in :kinds"
                        + " and c.issuedAt >= :from and c.issuedAt < :until"
                        + (district == null ? "" : " and v.district = :district") + " group by c.kind", Object[].class)
                .setParameter("kinds", List.of(CertificateKind.NET_CONTENT_REPORT, CertificateKind.NET_CONTENT_NOTICE))
                .setParameter("from", from).setParameter("until", until);
        if (district != null) {
            query.setParameter("district", district);
        }
        long passed = 0;
        long lots = 0;
        for (Object[] row : query.getResultList()) {
            long n = (Long) row[1];
            lots += n;
            if (row[0] == CertificateKind.NET_CONTENT_REPORT) {
                passed += n;
            }
        }
        return new Count(passed, lots);
    }
}
