package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jiliang.lims.audit.AuditEntryView;
import org.jiliang.lims.audit.AuditService;
import org.jiliang.lims.audit.ChainVerification;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.web.support.LocaleView;

/** The quality manager's audit trail: latest entries, and the verification of the whole trail. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditService audit;

    @Inject
    private LocaleView locale;

    private List<AuditEntryView> rows;
    private ChainVerification verification;

    public List<AuditEntryView> getRows() {
        if (rows == null) {
            rows = audit.latest(200);
        }
        return rows;
    }

    public void verify() {
        verification = audit.verifyChain();
    }

    public ChainVerification getVerification() {
        return verification;
    }

    /** What is wrong, in the user's language. */
    public String getProblem() {
        return verification == null ? null : verification.problem(locale.getLocale());
    }

    /** When the newest anchor that verified was made, in the institute's time. */
    public String getLastAnchorAt() {
        return verification == null || verification.lastAnchorAt() == null ? "—"
                : LocalDateTime.ofInstant(verification.lastAnchorAt(), ClockProducer.INSTITUTE_ZONE)
                        .truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }
}
