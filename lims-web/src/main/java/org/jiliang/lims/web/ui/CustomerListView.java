package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.RegistryAdministration;
import org.jiliang.lims.registry.RegistryAdministration.CustomerDetails;
import org.jiliang.lims.registry.RegistryAdministration.CustomerView;
import org.jiliang.lims.web.support.PageMessages;

/** The customers (委托单位) at the front desk: register one, correct its name, address or e-mail. */
@Named
@ViewScoped
public class CustomerListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RegistryAdministration registry;

    private List<CustomerView> rows;
    private String editing;
    private String code;
    private String name;
    private String address;
    private String contactEmail;
    @jakarta.validation.constraints.Size(max = RegistryAdministration.MAX_PROGRAMME)
    private String freeProgramme;

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
    }

    public void startNew() {
        editing = null;
        code = null;
        name = null;
        address = null;
        contactEmail = null;
        freeProgramme = null;
    }

    public void save() {
        try {
            CustomerDetails details = new CustomerDetails(code, name, address, contactEmail, freeProgramme);
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

    public String getFreeProgramme() {
        return freeProgramme;
    }

    public void setFreeProgramme(String freeProgramme) {
        this.freeProgramme = freeProgramme;
    }
}
