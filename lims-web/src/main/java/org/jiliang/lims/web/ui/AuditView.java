package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.audit.AuditEntryView;
import org.jiliang.lims.audit.AuditService;
import org.jiliang.lims.audit.ChainVerification;

/** The quality manager's audit trail: latest entries, and the verification of the whole hash chain. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditService audit;

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
}
