package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentView;
import org.jiliang.lims.registry.RegistryAdministration;
import org.jiliang.lims.registry.RegistryAdministration.CustomerView;
import org.jiliang.lims.registry.RegistryAdministration.InstrumentDetails;
import org.jiliang.lims.registry.RegistryAdministration.ScaleDetails;
import org.jiliang.lims.registry.RegistryAdministration.WeightDetails;
import org.jiliang.lims.web.support.PageMessages;

/**
 * Registering a customer's instrument (a scale or a weight) on the instruments page, or correcting what identifies
 * and places one; for the front desk and administrators.
 */
@Named
@ViewScoped
public class InstrumentRegistrationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RegistryAdministration registry;

    private Long editing;
    private String kind = "scale";
    private String customerCode;
    private String description;
    private String manufacturer;
    private String model;
    private String serialNumber;
    private boolean mandatoryVerification = true;
    private int intervalMonths = 12;
    private String location;
    private String accuracyClass = "III";
    private String max;
    private String e;
    private String d;
    private String weightClass = "F1";
    private String nominal;
    /** The values of a typed kind's parameters, by parameter name, as the clerk typed them. */
    private final java.util.Map<String, String> parameters = new java.util.HashMap<>();
    private transient List<RegistryAdministration.KindView> typedKinds;

    /** The kinds registered with typed parameters (a multimeter ...), besides scales and weights. */
    public List<RegistryAdministration.KindView> getTypedKinds() {
        if (typedKinds == null) {
            typedKinds = registry.kinds();
        }
        return typedKinds;
    }

    /** The parameters of the chosen typed kind; none for a scale or a weight. */
    public List<org.jiliang.lims.registry.ParameterSpec> getSpecs() {
        return getTypedKinds().stream().filter(k -> k.kind().equals(kind)).findFirst()
                .map(RegistryAdministration.KindView::parameters).orElse(List.of());
    }

    public java.util.Map<String, String> getParameters() {
        return parameters;
    }

    public List<CustomerView> getCustomers() {
        return registry.customers();
    }

    public void edit(InstrumentView i) {
        editing = i.id();
        kind = i.weight() ? "weight" : "SCALE".equals(i.kind()) ? "scale" : i.kind();
        customerCode = i.customerCode();
        description = i.description();
        manufacturer = i.manufacturer();
        model = i.model();
        serialNumber = i.serialNumber();
        mandatoryVerification = i.mandatoryVerification();
        intervalMonths = i.intervalMonths();
        location = i.location();
    }

    public void startNew() {
        editing = null;
        description = null;
        serialNumber = null;
        location = null;
    }

    public void save() {
        try {
            InstrumentDetails details = new InstrumentDetails(customerCode, description, manufacturer, model,
                    serialNumber, mandatoryVerification, intervalMonths, location);
            if (editing != null) {
                registry.updateInstrument(editing, details);
                PageMessages.done("instruments.saved");
            } else if (!getSpecs().isEmpty()) {
                registry.registerInstrument(details, kind, new java.util.HashMap<>(parameters));
                PageMessages.done("instruments.registered");
                parameters.clear();
            } else if ("weight".equals(kind)) {
                registry.registerWeight(details, new WeightDetails(weightClass, nominal));
                PageMessages.done("instruments.registered");
            } else {
                registry.registerScale(details, new ScaleDetails(accuracyClass, max, e, d));
                PageMessages.done("instruments.registered");
            }
            startNew(); // the register's table reads its page again when the form is rendered
        } catch (RefusedException ex) {
            PageMessages.refused(ex);
        }
    }

    public boolean isEditingExisting() {
        return editing != null;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getCustomerCode() {
        return customerCode;
    }

    public void setCustomerCode(String customerCode) {
        this.customerCode = customerCode;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    public boolean isMandatoryVerification() {
        return mandatoryVerification;
    }

    public void setMandatoryVerification(boolean mandatoryVerification) {
        this.mandatoryVerification = mandatoryVerification;
    }

    public int getIntervalMonths() {
        return intervalMonths;
    }

    public void setIntervalMonths(int intervalMonths) {
        this.intervalMonths = intervalMonths;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getAccuracyClass() {
        return accuracyClass;
    }

    public void setAccuracyClass(String accuracyClass) {
        this.accuracyClass = accuracyClass;
    }

    public String getMax() {
        return max;
    }

    public void setMax(String max) {
        this.max = max;
    }

    public String getE() {
        return e;
    }

    public void setE(String e) {
        this.e = e;
    }

    public String getD() {
        return d;
    }

    public void setD(String d) {
        this.d = d;
    }

    public String getWeightClass() {
        return weightClass;
    }

    public void setWeightClass(String weightClass) {
        this.weightClass = weightClass;
    }

    public String getNominal() {
        return nominal;
    }

    public void setNominal(String nominal) {
        this.nominal = nominal;
    }
}
