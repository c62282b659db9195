package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import org.jiliang.lims.order.JobList;
import org.jiliang.lims.order.JobRow;
import org.jiliang.lims.order.JobState;
import java.util.Map;
import org.jiliang.lims.bench.BenchService;
import org.jiliang.lims.bench.DeviceView;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.order.IntakeService;
import org.jiliang.lims.order.JobWorkflow;
import org.jiliang.lims.order.JobView;
import org.jiliang.lims.personnel.AccountView;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentView;
import org.jiliang.lims.registry.RegistryService;
import org.jiliang.lims.web.support.PageMessages;
import org.jiliang.lims.web.support.PagedModel;
import org.jiliang.lims.web.support.QueryString;

/**
 * The job list and the intake desk: receive an item, assign a received job to an authorized technician and a
 * bench device, start an assigned job, hand an item with its certificate back to the customer.
 */
@Named
@ViewScoped
public class JobListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private IntakeService intake;
    @Inject
    private JobWorkflow jobs;
    @Inject
    private RegistryService registry;
    @Inject
    private BenchService benches;

    @Inject
    private JobList list;

    /** The list's filters: a text (job number, instrument, serial number, customer) and a state. */
    @jakarta.validation.constraints.Size(max = JobList.MAX_TEXT)
    private String text;
    private JobState state;
    private final PagedModel<JobRow> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            list.page(new JobList.Query(text, state, sortBy, ascending), first, max),
            row -> String.valueOf(row.id()), JobList.MAX_PAGE);
    private List<InstrumentView> instruments;
    private List<DeviceView> devices;
    private final Map<Long, List<AccountView>> technicians = new HashMap<>();
    private Long instrumentId;
    private VerificationType type = VerificationType.SUBSEQUENT;
    private final Map<Long, String> technicianFor = new HashMap<>();
    private final Map<Long, String> deviceFor = new HashMap<>();

    public PagedModel<JobRow> getRows() {
        return rows;
    }

    /** The export of the selection shown: the API's CSV with the same filters. */
    public String getExportHref() {
        return QueryString.of("api/v1/jobs/list.csv").with("text", text).with("state", state).toString();
    }

    public JobState[] getStates() {
        return JobState.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public JobState getState() {
        return state;
    }

    public void setState(JobState state) {
        this.state = state;
    }

    public List<InstrumentView> getInstruments() {
        if (instruments == null) {
            instruments = registry.instruments();
        }
        return instruments;
    }

    public List<DeviceView> getDevices() {
        if (devices == null) {
            devices = benches.devices();
        }
        return devices;
    }

    /** Only technicians authorized for the job's procedure today are offered. */
    public List<AccountView> techniciansFor(long jobId) {
        return technicians.computeIfAbsent(jobId, intake::assignableTechnicians);
    }

    public void receive() {
        if (instrumentId == null) {
            return;
        }
        try {
            JobView job = intake.receive(instrumentId, type);
            PageMessages.info(job.jobNumber());
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void assign(JobRow job) {
        try {
            intake.assign(job.id(), technicianFor.get(job.id()), deviceFor.get(job.id()), job.version());
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void start(JobRow job) {
        try {
            jobs.start(job.id(), job.version());
            PageMessages.redirect("/bench.xhtml?job=" + job.id());
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void returnToCustomer(JobRow job) {
        try {
            intake.returnToCustomer(job.id(), job.version());
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public VerificationType[] getTypes() {
        return VerificationType.values();
    }

    public Long getInstrumentId() {
        return instrumentId;
    }

    public void setInstrumentId(Long instrumentId) {
        this.instrumentId = instrumentId;
    }

    public VerificationType getType() {
        return type;
    }

    public void setType(VerificationType type) {
        this.type = type;
    }

    public Map<Long, String> getTechnicianFor() {
        return technicianFor;
    }

    public Map<Long, String> getDeviceFor() {
        return deviceFor;
    }
}
