package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.request.ServiceRequest;
import org.jiliang.lims.request.ServiceRequestView;
import org.jiliang.lims.request.ServiceRequests;
import org.jiliang.lims.web.support.PageMessages;
import org.jiliang.lims.web.support.PagedModel;

/**
 * The intake desk's requests ({@code requests.xhtml}, issue 14): those submitted first; each is accepted (its
 * instruments received into jobs planned for a day, of a verification type) or declined with a reason.
 */
@Named
@ViewScoped
public class RequestDeskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ServiceRequests requests;

    private ServiceRequest.State state = ServiceRequest.State.SUBMITTED;
    @Size(max = ServiceRequests.MAX_TEXT)
    private String text;
    /** The type chosen per request, by name: a map's values reach the page untyped, so no converter applies. */
    private final Map<String, String> typeFor = new HashMap<>();
    private final Map<String, LocalDate> plannedFor = new HashMap<>();
    private final Map<String, String> reasonFor = new HashMap<>();
    private final PagedModel<ServiceRequestView> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            requests.page(new ServiceRequests.Query(state, text), first, max), ServiceRequestView::number,
            ServiceRequests.MAX_PAGE);

    public void accept(ServiceRequestView request) {
        try {
            ServiceRequestView accepted = requests.accept(request.number(),
                    type(typeFor.get(request.number())),
                    plannedFor.get(request.number()), request.version());
            String jobs = String.join(", ", accepted.items().stream().map(ServiceRequestView.Item::jobNumber)
                    .toList());
            PageMessages.info(MessageFormat.format(PageMessages.text("request.acceptedMessage"), request.number(),
                    jobs));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void decline(ServiceRequestView request) {
        try {
            requests.decline(request.number(), reasonFor.get(request.number()), request.version());
            PageMessages.info(MessageFormat.format(PageMessages.text("request.declinedMessage"), request.number()));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public PagedModel<ServiceRequestView> getRows() {
        return rows;
    }

    public ServiceRequest.State[] getStates() {
        return ServiceRequest.State.values();
    }

    /** The types offered, the usual one (periodic, subsequent verification) first: it is what an untouched menu sends. */
    public List<VerificationType> getTypes() {
        return List.of(VerificationType.SUBSEQUENT, VerificationType.INITIAL, VerificationType.IN_SERVICE);
    }

    public ServiceRequest.State getState() {
        return state;
    }

    public void setState(ServiceRequest.State state) {
        this.state = state;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    private static VerificationType type(String name) {
        for (VerificationType t : VerificationType.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return VerificationType.SUBSEQUENT; // the periodic verification, the usual request
    }

    public Map<String, String> getTypeFor() {
        return typeFor;
    }

    public Map<String, LocalDate> getPlannedFor() {
        return plannedFor;
    }

    public Map<String, String> getReasonFor() {
        return reasonFor;
    }
}
