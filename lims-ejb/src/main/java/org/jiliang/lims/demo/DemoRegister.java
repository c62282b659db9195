package org.jiliang.lims.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jiliang.lims.integrity.EnforcementOutcome;
import org.jiliang.lims.integrity.IntegrityCommitment;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.DuePlanner;
import org.jiliang.lims.registry.InstrumentStatus;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.LegalCatalogue;
import org.jiliang.lims.registry.OwnerSite;

/**
 * The demo's register under legal control (issue 12): {@value #OWNERS} owners (markets, clinics, petrol stations,
 * taxi companies, factories) in six districts with their sites, about ten instruments each, whose last
 * verifications are spread so that every due window, the overdue list and the recall runs show something. Always
 * the same (a fixed seed), dated from the day the demo is loaded.
 */
@Stateless
@PermitAll // internal: called by the demo loader
public class DemoRegister {

    static final int OWNERS = 200;
    static final List<String> DISTRICTS = List.of("北湖区", "南湖区", "东湖区", "西山区", "江海新区", "临江县");

    /**
     * An owner type: its name, the categories it uses (with weights), and the category whose free-verification
     * programme (in the catalogue) the owner belongs to, if any.
     */
    private record OwnerType(String name, String siteName, Map<String, Integer> categories, String programmeOf) {
    }

    private static final List<OwnerType> TYPES = List.of(
            new OwnerType("农贸市场", "摊位区", Map.of("NAWI", 10), "NAWI"),
            new OwnerType("卫生院", "门诊", Map.of("SPHYGMOMANOMETER", 3, "NIBP", 3, "ECG", 1, "NAWI", 1),
                    "SPHYGMOMANOMETER"),
            new OwnerType("加油站", "加油区", Map.of("FUEL_DISPENSER", 6, "PRESSURE_GAUGE", 2), null),
            new OwnerType("出租汽车公司", "车队", Map.of("TAXIMETER", 10), null),
            new OwnerType("食品厂", "车间", Map.of("NAWI", 5, "PRESSURE_GAUGE", 3), null));

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private DuePlanner planner;

    /** Loads the register; returns how many instruments it holds. */
    public int load(LocalDate today) {
        Random random = new Random(20_261_205L);
        // its own draw, so that the register's draw (and what the tests know of it) stays as it was
        Random integrity = new Random(20_261_206L);
        Map<String, CategoryView> categories = new java.util.HashMap<>();
        catalogue.inForce(today).forEach(c -> categories.put(c.code(), c));
        var plans = planner.catalogue();
        ScaleParameters scale = new ScaleParameters(AccuracyClass.III, Mass.of("30", MassUnit.KG),
                Mass.of("10", MassUnit.G), Mass.of("10", MassUnit.G));
        int instruments = 0;
        for (int o = 1; o <= OWNERS; o++) {
            OwnerType type = TYPES.get(o % TYPES.size());
            String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
            String code = String.format("D%04d", o);
            String name = district + type.name() + " " + o + " 号";
            Customer owner = new Customer(code, name, "江海市" + district + "示例路 " + o + " 号",
                    random.nextInt(10) == 0 ? null : "owner" + o + "@demo-owner.example");
            owner.locateIn(district);
            if (type.programmeOf() != null) {
                owner.belongTo(categories.get(type.programmeOf()).freeProgramme());
            }
            em.persist(owner);
            integrityRecord(owner, integrity, today);
            List<OwnerSite> sites = new ArrayList<>();
            int siteCount = 1 + random.nextInt(3);
            for (int s = 1; s <= siteCount; s++) {
                // most sites lie in the owner's district, some in the next one
                String siteDistrict = random.nextInt(5) == 0 ? DISTRICTS.get(random.nextInt(DISTRICTS.size()))
                        : district;
                OwnerSite site = new OwnerSite(owner, type.siteName() + " " + (char) ('A' + s - 1), null, siteDistrict);
                em.persist(site);
                sites.add(site);
            }
            int count = 5 + random.nextInt(11);
            List<String> pool = new ArrayList<>();
            type.categories().forEach((category, weight) -> {
                for (int w = 0; w < weight; w++) {
                    pool.add(category);
                }
            });
            pool.sort(String::compareTo); // the map's order is not fixed: the draw must be
            for (int n = 1; n <= count; n++) {
                CategoryView category = categories.get(pool.get(random.nextInt(pool.size())));
                String serial = code + "-" + String.format("%03d", n);
                OwnerSite site = sites.get(random.nextInt(sites.size()));
                InstrumentUnderTest instrument = category.code().equals("NAWI")
                        ? new InstrumentUnderTest(owner, category.nameZh(), "电子计价秤 Price-computing scale",
                                "凯丰衡器有限公司", "ACS-30", serial, scale, true, category.intervalMonths(), null)
                        : InstrumentUnderTest.registered(owner, category.nameZh(), category.nameZh() + " "
                                + category.nameEn(), "江海计量器具厂", "JH-" + category.code().charAt(0) + n, serial,
                                true, category.intervalMonths(), null);
                instrument.placeInRegister(category.code(), "ZC-" + String.format("%04d", n), site);
                em.persist(instrument);
                // last verified between 15 months and 1 month ago: about one in five is overdue
                LocalDate verified = today.minusDays(30 + random.nextInt(category.intervalMonths() * 30 + 90));
                // and once before, so that the history has cycles closed on time and late (受检率 has data): the
                // last one from 40 days before the due date the earlier one gave to 10 days after it (about four
                // in five on time)
                LocalDate earlier = verified.minusMonths(category.intervalMonths()).plusDays(40 - random.nextInt(51));
                planner.passed(instrument, earlier, "JHJD" + earlier.getYear() + "-E" + String.format("%05d",
                        instruments + 1), plans);
                planner.passed(instrument, verified, "JHJD" + verified.getYear() + "-D" + String.format("%05d",
                        instruments + 1), plans);
                int fate = random.nextInt(100);
                if (fate < 3) {
                    instrument.changeStatus(InstrumentStatus.OUT_OF_SERVICE);
                } else if (fate < 4) {
                    instrument.changeStatus(InstrumentStatus.SCRAPPED);
                }
                instruments++;
            }
            if (o % 50 == 0) {
                em.flush();
                em.clear();
            }
        }
        return instruments;
    }

    /**
     * About one owner in three signed the integrity commitment in the last year (诚信计量, issue 15); about one in
     * twenty-five was the subject of an enforcement outcome in the last months.
     */
    private void integrityRecord(Customer owner, Random draw, LocalDate today) {
        Instant now = today.atStartOfDay(ClockProducer.INSTITUTE_ZONE).toInstant();
        if (draw.nextInt(3) == 0) {
            em.persist(new IntegrityCommitment(owner, today.minusDays(1 + draw.nextInt(360)), "负责人 " + owner.code(),
                    "clerk", now));
        }
        if (draw.nextInt(25) == 0) {
            em.persist(new EnforcementOutcome(owner, today.minusDays(1 + draw.nextInt(300)), "江市监计罚〔" + today.getYear()
                    + "〕" + owner.code().substring(1) + "号", "使用超期未检计量器具，警告并责令限期改正", "quality", now));
        }
    }
}
