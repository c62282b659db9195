package org.jiliang.lims.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.personnel.Roles;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.personnel.UserAccountRepository;
import org.jiliang.lims.platform.Institute;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.standard.MeasurementStandard;

/** The demo institute: one user per role, two customers, standards in every status, one bench. */
@Stateless
@PermitAll // internal: called by other services and startup beans, which check roles themselves
public class DemoDataLoader {

    /** Printed in the start banner; demo accounts exist only when demo data is loaded. */
    public static final String DEMO_PASSWORD = "jiliang";

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private UserAccountRepository accounts;

    @Inject
    private Clock clock;

    /** @return true if the data was loaded now, false if the database already had accounts. */
    public boolean loadIfEmpty(int balancePort) {
        if (accounts.count() > 0) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        em.persist(new Institute("江海市计量检定测试院", "Jianghai Institute of Metrology and Testing",
                "江海市科技路 88 号 / 88 Keji Road, Jianghai", "JH"));

        Customer food = new Customer("C0001", "华东食品有限公司", "江海市工业园区兴业路 12 号", "qa@huadong-food.example");
        Customer market = new Customer("C0002", "江海市农贸市场管理处", "江海市人民路 301 号", "office@jh-market.example");
        em.persist(food);
        em.persist(market);

        char[] pw = DEMO_PASSWORD.toCharArray();
        var now = clock.instant();
        accounts.add(new UserAccount("technician", "张伟", pw, Set.of(Roles.TECHNICIAN), null, now));
        accounts.add(new UserAccount("checker", "李娜", pw, Set.of(Roles.CHECKER), null, now));
        accounts.add(new UserAccount("approver", "王强", pw, Set.of(Roles.APPROVER), null, now));
        accounts.add(new UserAccount("quality", "赵敏", pw, Set.of(Roles.QUALITY_MANAGER), null, now));
        accounts.add(new UserAccount("clerk", "陈静", pw, Set.of(Roles.INTAKE_CLERK), null, now));
        accounts.add(new UserAccount("admin", "系统管理员", pw, Set.of(Roles.ADMINISTRATOR), null, now));
        accounts.add(new UserAccount("customer", "刘洋（华东食品）", pw, Set.of(Roles.CUSTOMER), food, now));
        accounts.add(new UserAccount("customer2", "孙丽（农贸市场）", pw, Set.of(Roles.CUSTOMER), market, now));

        em.persist(new MeasurementStandard("STD-F1-001", "F1 等级砝码组 1 mg–20 kg / F1 weight set", "F1",
                "WS-F1-2019-017", "JZJ2026-04512", "江海市计量检定测试院社会公用计量标准 → 国家质量基准",
                today.minusMonths(5), today.plusMonths(7)));
        em.persist(new MeasurementStandard("STD-M1-002", "M1 等级砝码 20 kg × 2 / M1 weights 20 kg", "M1",
                "WS-M1-2016-003", "JZJ2025-01877", "江海市计量检定测试院 F1 砝码组",
                today.minusMonths(13), today.minusDays(20)));
        em.persist(new MeasurementStandard("STD-F1-003", "F1 等级砝码 10 kg / F1 weight 10 kg", "F1",
                "WS-F1-2021-044", "JZJ2026-00321", "江海市计量检定测试院社会公用计量标准 → 国家质量基准",
                today.minusMonths(11), today.plusDays(18)));

        ScaleParameters scale = new ScaleParameters(AccuracyClass.III,
                Mass.of("30", org.jiliang.lims.metrology.MassUnit.KG),
                Mass.of("10", org.jiliang.lims.metrology.MassUnit.G),
                Mass.of("10", org.jiliang.lims.metrology.MassUnit.G));
        em.persist(new InstrumentUnderTest(food, "数字指示秤", "数字指示秤 Digital indicating scale",
                "上海耀华称重系统有限公司", "XK3190-A12", "YH2026-00731", scale, true, 12,
                today.plusDays(10), "华东食品有限公司 成品库"));
        em.persist(new InstrumentUnderTest(market, "数字指示秤", "电子计价秤 Price-computing scale",
                "凯丰衡器有限公司", "ACS-30", "KF-88123", scale, true, 12,
                today.plusDays(40), "农贸市场 A 区 12 号摊位"));

        em.persist(new BenchDevice("BAL-01", "检定台 1 · 被检秤 RS-232/TCP 接口 (MT-SICS)", "mt-sics",
                "127.0.0.1", balancePort, "SI", 300, true));
        return true;
    }
}
