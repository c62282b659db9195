package org.jiliang.lims.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.registry.InstrumentUnderTest;

/** One instrument of a request and, once the desk has accepted it, the job it was received into. */
@Entity
@Table(name = "service_request_item")
public class ServiceRequestItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id", updatable = false)
    private ServiceRequest request;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument_id", updatable = false)
    private InstrumentUnderTest instrument;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "job_id")
    private VerificationJob job;

    protected ServiceRequestItem() {
    }

    ServiceRequestItem(ServiceRequest request, InstrumentUnderTest instrument) {
        this.request = request;
        this.instrument = instrument;
    }

    void receivedInto(VerificationJob receivedJob) {
        if (job != null) {
            throw new IllegalStateException("item of " + request.number() + " already has job " + job.jobNumber());
        }
        this.job = receivedJob;
    }

    public ServiceRequest request() {
        return request;
    }

    public InstrumentUnderTest instrument() {
        return instrument;
    }

    public VerificationJob job() {
        return job;
    }
}
