package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.registry.InstrumentStatus;
import org.jiliang.lims.registry.OwnerSite;
import org.jiliang.lims.registry.ParameterSpec;
import org.jiliang.lims.registry.RegistryAdministration.RegisterEntry;
import org.jiliang.lims.registry.RegistryAdministration.SiteDetails;
import org.jiliang.lims.registry.RegistryAdministration.SiteView;
import org.jiliang.lims.registry.InstrumentView;
import org.jiliang.lims.registry.RegistryAdministration;
import org.jiliang.lims.registry.RegistryAdministration.CustomerDetails;
import org.jiliang.lims.registry.RegistryAdministration.CustomerView;
import org.jiliang.lims.registry.RegistryAdministration.InstrumentDetails;
import org.jiliang.lims.registry.RegistryAdministration.ScaleDetails;
import org.jiliang.lims.registry.RegistryAdministration.WeightDetails;

/** Customers and their instruments for the front desk and administrators; every change is audited. */
@Tag(name = LimsApi.Tags.REGISTER)
@Path("registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    /** Lengths are those of the customer and instrument_under_test columns. */
    public static class Customer {
        @Size(max = 32)
        public String code;
        @Size(max = 200)
        public String name;
        @Size(max = 300)
        public String address;
        @Size(max = 200)
        public String contactEmail;
        /** The free-verification programme the customer belongs to; blank or absent: none. */
        @Size(max = RegistryAdministration.MAX_PROGRAMME)
        public String freeProgramme;
        /** The district the owner is registered in (issue 12). */
        @Size(max = OwnerSite.MAX_DISTRICT)
        public String district;
    }

    /** A site where an owner uses instruments. */
    public static class Site {
        @Size(max = OwnerSite.MAX_NAME)
        public String name;
        @Size(max = OwnerSite.MAX_ADDRESS)
        public String address;
        @Size(max = OwnerSite.MAX_DISTRICT)
        public String district;
    }

    /** An instrument's place in the register (issue 12); absent on a change: left as it is. */
    public static class Entry {
        @Size(max = 40)
        public String legalCategory;
        @Size(max = RegistryAdministration.MAX_ASSET)
        public String assetNumber;
        @Size(max = OwnerSite.MAX_NAME)
        public String site;
        /** The verification before this system that the due date is derived from, with its certificate number. */
        public LocalDate lastVerifiedOn;
        @Size(max = RegistryAdministration.MAX_CERTIFICATE)
        public String lastCertificate;
    }

    /** A verification made by another authorized body (issue 12). */
    public static class RecordedVerification {
        @NotNull
        public LocalDate verifiedOn;
        @Size(max = RegistryAdministration.MAX_CERTIFICATE)
        public String certificate;
        public boolean passed;
    }

    public static class StatusChange {
        @NotNull
        public InstrumentStatus status;
        @Size(max = 500)
        public String reason;
    }

    /** An instrument: the common fields, and {@code scale} or {@code weight} for its kind. */
    public static class Instrument {
        @Size(max = 32)
        public String customerCode;
        @Size(max = 200)
        public String description;
        @Size(max = 200)
        public String manufacturer;
        @Size(max = 100)
        public String model;
        @Size(max = 100)
        public String serialNumber;
        public boolean mandatoryVerification;
        @Min(1)
        @Max(RegistryAdministration.MAX_INTERVAL_MONTHS)
        public int intervalMonths;
        @Size(max = 200)
        public String location;
        @Valid
        public Scale scale;
        @Valid
        public Weight weight;
        /** A kind with typed parameters (GET /api/v1/registry/kinds), instead of scale or weight. */
        @Size(max = 32)
        public String kind;
        @Size(max = 32)
        public Map<@Size(max = ParameterSpec.MAX_NAME) String, @Size(max = ParameterSpec.MAX_VALUE) String> parameters;
        @Valid
        public Entry entry;
    }

    public static class Scale {
        @Size(max = 8)
        public String accuracyClass;
        @Size(max = 32)
        public String max;
        @Size(max = 32)
        public String e;
        @Size(max = 32)
        public String d;
    }

    public static class Weight {
        @Size(max = 8)
        public String weightClass;
        @Size(max = 32)
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
    public CustomerView addCustomer(@NotNull @Valid Customer c) {
        return registry.addCustomer(details(c));
    }

    @PUT
    @Path("customers/{code}")
    public CustomerView updateCustomer(@PathParam("code") String code, @NotNull @Valid Customer c) {
        return registry.updateCustomer(code, details(c));
    }

    @POST
    @Path("instruments")
    public InstrumentView register(@NotNull @Valid Instrument i) {
        Instrument d = i == null ? new Instrument() : i;
        if (d.kind != null) {
            return registry.registerInstrument(details(d), d.kind, d.parameters);
        }
        if (d.weight != null) {
            return registry.registerWeight(details(d), new WeightDetails(d.weight.weightClass, d.weight.nominal));
        }
        Scale s = d.scale == null ? new Scale() : d.scale;
        return registry.registerScale(details(d), new ScaleDetails(s.accuracyClass, s.max, s.e, s.d));
    }

    /** The kinds of instrument registered with typed parameters, and what each parameter must be. */
    @GET
    @Path("kinds")
    public List<RegistryAdministration.KindView> kinds() {
        return registry.kinds();
    }

    @PUT
    @Path("instruments/{id}")
    public InstrumentView update(@PathParam("id") long id, @NotNull @Valid Instrument i) {
        return registry.updateInstrument(id, details(i == null ? new Instrument() : i));
    }

    /** An owner's sites (issue 12). */
    @GET
    @Path("customers/{code}/sites")
    public List<SiteView> sites(@PathParam("code") String code) {
        return registry.sites(code);
    }

    /** A new site of an owner, or its address and district corrected (the name names it). */
    @POST
    @Path("customers/{code}/sites")
    public SiteView saveSite(@PathParam("code") String code, @NotNull @Valid Site s) {
        Site d = s == null ? new Site() : s;
        return registry.saveSite(code, new SiteDetails(d.name, d.address, d.district));
    }

    /** A verification made elsewhere, after the last one on record (issue 12). */
    @POST
    @Path("instruments/{id}/verifications")
    public InstrumentView recordVerification(@PathParam("id") long id, @NotNull @Valid RecordedVerification v) {
        return registry.recordVerification(id, v.verifiedOn, v.certificate, v.passed);
    }

    /** Out of service, back in service or scrapped, with the reason (issue 12). */
    @POST
    @Path("instruments/{id}/status")
    public InstrumentView changeStatus(@PathParam("id") long id, @NotNull @Valid StatusChange c) {
        return registry.changeStatus(id, c.status, c.reason);
    }

    private static CustomerDetails details(Customer c) {
        Customer d = c == null ? new Customer() : c;
        return new CustomerDetails(d.code, d.name, d.address, d.contactEmail, d.freeProgramme, d.district);
    }

    private static InstrumentDetails details(Instrument d) {
        Entry e = d.entry;
        return new InstrumentDetails(d.customerCode, d.description, d.manufacturer, d.model, d.serialNumber,
                d.mandatoryVerification, d.intervalMonths, d.location, e == null ? null
                        : new RegisterEntry(e.legalCategory, e.assetNumber, e.site, e.lastVerifiedOn,
                                e.lastCertificate));
    }
}
