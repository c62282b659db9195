package org.jiliang.lims.importing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.LegalCatalogue;

/** Reads what the register knows of the owners, serial numbers and asset numbers a file names ({@link ImportPlan.Known}). */
@Stateless
@PermitAll // internal: called by the import services
public class RegisterSnapshot {

    /** Values per "in" list. */
    private static final int CHUNK = 1000;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private Clock clock;

    public ImportPlan.Known of(ImportPlan.Names names) {
        LocalDate today = LocalDate.now(clock);
        Map<String, CategoryView> categories = new HashMap<>();
        catalogue.inForce(today).forEach(c -> categories.put(c.code(), c));
        Map<String, String> owners = new HashMap<>();
        Map<String, String> districts = new HashMap<>();
        chunks(names.ownerCodes(), chunk -> em.createQuery("select c.code, c.name, c.district from Customer c"
                        + " where c.code in :c", Object[].class).setParameter("c", chunk).getResultStream()
                .forEach(r -> {
                    owners.put((String) r[0], (String) r[1]);
                    if (r[2] != null) {
                        districts.put((String) r[0], (String) r[2]);
                    }
                }));
        Map<String, String> instruments = new HashMap<>();
        chunks(names.serialNumbers(), chunk -> em.createQuery("select i.manufacturer, i.model, i.serialNumber, c.code"
                        + " from InstrumentUnderTest i join i.customer c where i.serialNumber in :s", Object[].class)
                .setParameter("s", chunk).getResultStream().forEach(r -> instruments.put(ImportPlan.instrumentKey(
                        (String) r[0], (String) r[1], (String) r[2]), (String) r[3])));
        Map<String, String> assets = new HashMap<>();
        chunks(names.assetNumbers(), chunk -> em.createQuery("select c.code, i.assetNumber, i.manufacturer, i.model,"
                        + " i.serialNumber from InstrumentUnderTest i join i.customer c where i.assetNumber in :a",
                        Object[].class)
                .setParameter("a", chunk).getResultStream().forEach(r -> assets.put(ImportPlan.assetKey((String) r[0],
                        (String) r[1]), ImportPlan.instrumentKey((String) r[2], (String) r[3], (String) r[4]))));
        return new ImportPlan.Known() {
            @Override
            public LocalDate today() {
                return today;
            }

            @Override
            public Map<String, CategoryView> categories() {
                return categories;
            }

            @Override
            public Map<String, String> ownerNames() {
                return owners;
            }

            @Override
            public Map<String, String> ownerDistricts() {
                return districts;
            }

            @Override
            public Map<String, String> instrumentOwners() {
                return instruments;
            }

            @Override
            public Map<String, String> assets() {
                return assets;
            }
        };
    }

    private static void chunks(Set<String> values, Consumer<List<String>> query) {
        List<String> all = new ArrayList<>(values);
        for (int i = 0; i < all.size(); i += CHUNK) {
            query.accept(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
    }
}
