package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.order.IntakeService;
import org.jiliang.lims.order.JobView;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentView;
import org.jiliang.lims.registry.RegistryService;
import org.jiliang.lims.web.support.PageMessages;

@Named
@ViewScoped
public class InstrumentListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RegistryService registry;
    @Inject
    private IntakeService jobs;

    private List<InstrumentView> rows;
    private VerificationType type = VerificationType.SUBSEQUENT;
    private String benchDevice = "BAL-01";

    public List<InstrumentView> getRows() {
        if (rows == null) {
            rows = registry.instruments();
        }
        return rows;
    }

    /** After a registration or a correction: the list is read again. */
    public void reload() {
        rows = null;
    }

    public void openJob(long instrumentId) {
        try {
            JobView job = jobs.open(instrumentId, type, benchDevice);
            PageMessages.redirect("/bench.xhtml?job=" + job.id());
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public VerificationType[] getTypes() {
        return VerificationType.values();
    }

    public VerificationType getType() {
        return type;
    }

    public void setType(VerificationType type) {
        this.type = type;
    }

    public String getBenchDevice() {
        return benchDevice;
    }

    public void setBenchDevice(String benchDevice) {
        this.benchDevice = benchDevice;
    }
}
