package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.request.ServiceRequest;
import org.jiliang.lims.request.ServiceRequestView;
import org.jiliang.lims.request.ServiceRequests;
import org.jiliang.lims.web.support.PageMessages;
import org.jiliang.lims.web.support.PagedModel;

/**
 * The customer's requests ({@code portal/requests.xhtml}, issue 14): book the verification or calibration of some
 * of their instruments — one comes from "my instruments" ({@code ?instrument=id}), more are added by serial number —
 * and follow each request through its jobs to the certificates; cancel one the desk has not decided yet.
 */
@Named
@ViewScoped
public class RequestPortalView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Instruments offered when a search matches several. */
    private static final int OFFERED = 10;

    @Inject
    private ServiceRequests requests;

    private Long instrument;
    private final List<ServiceRequestView.Item> basket = new ArrayList<>();
    private List<ServiceRequestView.Item> offered = List.of();
    @Size(max = ServiceRequests.MAX_TEXT)
    private String search;
    private LocalDate preferredDate;
    private ServiceRequest.Place place = ServiceRequest.Place.LAB;
    @Size(max = ServiceRequest.MAX_NOTE)
    private String note;
    private final PagedModel<ServiceRequestView> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            requests.page(new ServiceRequests.Query(null, null), first, max), ServiceRequestView::number,
            ServiceRequests.MAX_PAGE);

    /** Opened from "my instruments" with one instrument: it is in the booking already. */
    public void load() {
        if (instrument != null && basket.isEmpty()) {
            try {
                basket.add(requests.instrument(instrument));
            } catch (RefusedException e) {
                PageMessages.refused(e);
            }
        }
    }

    /** Adds the instrument whose serial number is typed; several matches are offered to choose from. */
    public void find() {
        try {
            List<ServiceRequestView.Item> found = requests.findInstruments(search, OFFERED + 1);
            if (found.isEmpty()) {
                PageMessages.info(PageMessages.text("request.noneFound"));
                offered = List.of();
            } else if (found.size() == 1) {
                add(found.get(0));
                offered = List.of();
                search = null;
            } else {
                offered = found.subList(0, Math.min(OFFERED, found.size()));
            }
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    /** Adds one of the instruments offered. */
    public void choose(long id) {
        offered.stream().filter(i -> i.instrumentId() == id).findFirst().ifPresent(this::add);
        offered = List.of();
        search = null;
    }

    private void add(ServiceRequestView.Item item) {
        if (basket.stream().noneMatch(i -> i.instrumentId() == item.instrumentId())) {
            basket.add(item);
        }
    }

    public void remove(long id) {
        basket.removeIf(i -> i.instrumentId() == id);
    }

    public void book() {
        try {
            ServiceRequestView booked = requests.book(new ServiceRequests.Booking(
                    basket.stream().map(ServiceRequestView.Item::instrumentId).toList(), preferredDate, place, note));
            basket.clear();
            note = null;
            preferredDate = null;
            PageMessages.info(java.text.MessageFormat.format(PageMessages.text("request.booked"), booked.number()));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void cancel(ServiceRequestView request) {
        try {
            requests.cancel(request.number(), request.version());
            PageMessages.info(java.text.MessageFormat.format(PageMessages.text("request.cancelledMessage"),
                    request.number()));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public PagedModel<ServiceRequestView> getRows() {
        return rows;
    }

    public List<ServiceRequestView.Item> getBasket() {
        return basket;
    }

    public List<ServiceRequestView.Item> getOffered() {
        return offered;
    }

    public ServiceRequest.Place[] getPlaces() {
        return ServiceRequest.Place.values();
    }

    public Long getInstrument() {
        return instrument;
    }

    public void setInstrument(Long instrument) {
        this.instrument = instrument;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public LocalDate getPreferredDate() {
        return preferredDate;
    }

    public void setPreferredDate(LocalDate preferredDate) {
        this.preferredDate = preferredDate;
    }

    public ServiceRequest.Place getPlace() {
        return place;
    }

    public void setPlace(ServiceRequest.Place place) {
        this.place = place;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
