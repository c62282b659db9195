package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jiliang.lims.registry.InstrumentView;
import org.jiliang.lims.registry.RegistryAdministration;
import org.jiliang.lims.registry.RegistryAdministration.CustomerDetails;
import org.jiliang.lims.registry.RegistryAdministration.CustomerView;
import org.jiliang.lims.registry.RegistryAdministration.InstrumentDetails;
import org.jiliang.lims.registry.RegistryAdministration.ScaleDetails;
import org.jiliang.lims.registry.RegistryAdministration.WeightDetails;

/** Customers and their instruments for the front desk and administrators; every change is audited. */
@Path("registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    public static class Customer {
        public String code;
        public String name;
        public String address;
        public String contactEmail;
    }

    /** An instrument: the common fields, and {@code scale} or {@code weight} for its kind. */
    public static class Instrument {
        public String customerCode;
        public String description;
        public String manufacturer;
        public String model;
        public String serialNumber;
        public boolean mandatoryVerification;
        public int intervalMonths;
        public String location;
        public Scale scale;
        public Weight weight;
    }

    public static class Scale {
        public String accuracyClass;
        public String max;
        public String e;
        public String d;
    }

    public static class Weight {
        public String weightClass;
        public String nominal;
    }

    @Inject
    private RegistryAdministration registry;

    @GET
    @Path("customers")
    public List<CustomerView> customers() {
        return registry.customers();
    }

    @POST
    @Path("customers")
    public CustomerView addCustomer(Customer c) {
        return registry.addCustomer(details(c));
    }

    @PUT
    @Path("customers/{code}")
    public CustomerView updateCustomer(@PathParam("code") String code, Customer c) {
        return registry.updateCustomer(code, details(c));
    }

    @POST
    @Path("instruments")
    public InstrumentView register(Instrument i) {
        Instrument d = i == null ? new Instrument() : i;
        if (d.weight != null) {
            return registry.registerWeight(details(d), new WeightDetails(d.weight.weightClass, d.weight.nominal));
        }
        Scale s = d.scale == null ? new Scale() : d.scale;
        return registry.registerScale(details(d), new ScaleDetails(s.accuracyClass, s.max, s.e, s.d));
    }

    @PUT
    @Path("instruments/{id}")
    public InstrumentView update(@PathParam("id") long id, Instrument i) {
        return registry.updateInstrument(id, details(i == null ? new Instrument() : i));
    }

    private static CustomerDetails details(Customer c) {
        Customer d = c == null ? new Customer() : c;
        return new CustomerDetails(d.code, d.name, d.address, d.contactEmail);
    }

    private static InstrumentDetails details(Instrument d) {
        return new InstrumentDetails(d.customerCode, d.description, d.manufacturer, d.model, d.serialNumber,
                d.mandatoryVerification, d.intervalMonths, d.location);
    }
}
