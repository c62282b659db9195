package org.jiliang.lims.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request as the customer and the desk read it: what was asked, what the desk decided, and for each instrument
 * its job's state and, once issued, its certificate in force.
 *
 * @param stage where the request stands as a whole (see {@link Stage})
 */
public record ServiceRequestView(long id, String number, String customerCode, String customerName,
        ServiceRequest.Place place, LocalDate preferredDate, String note, String requestedBy, Instant requestedAt,
        ServiceRequest.State state, Stage stage, String decidedBy, Instant decidedAt, LocalDate plannedDate,
        String declineReason, long version, List<Item> items) {

    /**
     * Where a request stands as a whole, as the customer follows it: its state while submitted, declined or
     * cancelled; once accepted, {@code ACCEPTED} until one of its jobs is being worked on, {@code IN_WORK}, then
     * {@code COMPLETED} when every job has its certificate (or was returned).
     */
    public enum Stage {
        SUBMITTED, ACCEPTED, IN_WORK, COMPLETED, DECLINED, CANCELLED
    }

    /** One instrument: the service it gets (verification or calibration, by its kind) and its job, if any. */
    public record Item(long instrumentId, String description, String serialNumber, String legalCategory,
            LocalDate nextDueDate, String service, String jobNumber, String jobState, String certificate) {
    }
}
