package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.LegalCatalogue;
import org.jiliang.lims.registry.OwnerSite;
import org.jiliang.lims.registry.RegistryAdministration;
import org.jiliang.lims.registry.RegistryAdministration.CustomerDetails;
import org.jiliang.lims.registry.RegistryAdministration.CustomerView;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The customers (委托单位) at the front desk: register one, correct its name, address, e-mail, district or the
 * free-verification programme it belongs to.
 */
@Named
@ViewScoped
public class CustomerListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RegistryAdministration registry;
    @Inject
    private LegalCatalogue catalogue;

    private List<CustomerView> rows;
    private String editing;
    private String code;
    private String name;
    private String address;
    private String contactEmail;
    @jakarta.validation.constraints.Size(max = RegistryAdministration.MAX_PROGRAMME)
    private String freeProgramme;
    @jakarta.validation.constraints.Size(max = OwnerSite.MAX_DISTRICT)
    private String district;

    public List<CustomerView> getRows() {
        if (rows == null) {
            rows = registry.customers();
        }
        return rows;
    }

    public void edit(CustomerView c) {
        editing = c.code();
        code = c.code();
        name = c.name();
        address = c.address();
        contactEmail = c.contactEmail();
        freeProgramme = c.freeProgramme();
        district = c.district();
    }

    public void startNew() {
        editing = null;
        code = null;
        name = null;
        address = null;
        contactEmail = null;
        freeProgramme = null;
        district = null;
    }

    public void save() {
        try {
            CustomerDetails details = new CustomerDetails(code, name, address, contactEmail, freeProgramme,
                    district);
            if (editing == null) {
                registry.addCustomer(details);
                PageMessages.done("customers.added");
            } else {
                registry.updateCustomer(editing, details);
                PageMessages.done("customers.saved");
            }
            rows = null;
            startNew();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public boolean isEditingExisting() {
        return editing != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    /**
     * The programmes the catalogue in force names: an owner may belong to one of them, or to none. The customer's own,
     * when the catalogue no longer names it, is shown too, so that the page never hides what is stored (saving it
     * is refused, with the catalogue's programmes).
     */
    public List<String> getProgrammes() {
        List<String> programmes = new java.util.ArrayList<>(catalogue.programmes());
        if (freeProgramme != null && !freeProgramme.isEmpty() && !programmes.contains(freeProgramme)) {
            programmes.add(freeProgramme);
        }
        return programmes;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getFreeProgramme() {
        return freeProgramme;
    }

    public void setFreeProgramme(String freeProgramme) {
        this.freeProgramme = freeProgramme;
    }
}
