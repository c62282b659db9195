package org.jiliang.lims.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.coverage.Span;
import org.jiliang.lims.coverage.TraceabilityNeed;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;
import org.jiliang.lims.metrology.weight.WeightClass;
import org.jiliang.lims.method.check.CheckStandardKind;
import org.jiliang.lims.method.check.IntermediateCheckMethod;
import org.jiliang.lims.method.scale.ScaleVerificationMethod;
import org.jiliang.lims.method.weight.WeightCalibrationMethod;
import org.jiliang.lims.method.bloodpressure.AutomatedBpKind;
import org.jiliang.lims.method.bloodpressure.AutomatedBpVerificationMethod;
import org.jiliang.lims.method.bloodpressure.ManualBpVerificationMethod;
import org.jiliang.lims.method.dmm.MultimeterCalibrationMethod;
import org.jiliang.lims.method.dmm.MultimeterKind;
import org.jiliang.lims.method.dmm.ResistorSubstitutionMethod;
import org.jiliang.lims.method.dmm.StandardResistorKind;
import org.jiliang.lims.metrology.dmm.DmmTestPlan;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.registry.InstrumentParameter;
import org.jiliang.lims.registry.ParameterSpec;
import org.jiliang.lims.standard.StandardValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jiliang.lims.metrology.scale.ScaleTestPlan;
import org.jiliang.lims.personnel.Activity;
import org.jiliang.lims.personnel.Authorization;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.personnel.UserAccountRepository;
import org.jiliang.lims.platform.Institute;
import org.jiliang.lims.method.netcontent.NetContentInspectionMethod;
import org.jiliang.lims.method.netcontent.PrepackageLotKind;
import org.jiliang.lims.procedure.ProcedureVersion;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.DuePlanner;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.LegalCatalogue;
import org.jiliang.lims.standard.MeasurementStandard;

/** The demo institute: one user per role, two customers, standards in every status, one bench. */
@Stateless
@PermitAll // internal: called by other services and startup beans, which check roles themselves
public class DemoDataLoader {

    /** Printed in the start banner; demo accounts exist only when demo data is loaded. */
    public static final String DEMO_PASSWORD = "jiliang";
    /** The lot number of the demo's lot of sugar waiting for its net-content inspection. */
    public static final String DEMO_LOT = "HD-20261204";
    /** The lot number of the lot the demo's bench history inspects (it passes). */
    static final String INSPECTED_LOT = "HD-20261201";
    /** The class of the demo's multifunction calibrator, the one the demo's JJF 1587 edition accepts. */
    static final String CALIBRATOR_CLASS = "0.002 %";
    /** The class of the demo's reference standard resistor, the one the substitution method's edition accepts. */
    static final String RESISTOR_CLASS = "0.0005 级";
    /** The class of the demo's digital pressure standard (MPE ≤ ¼ of a blood-pressure meter's, section 2.3). */
    static final String PRESSURE_CLASS = "0.05 级";
    /** The free-verification programme of township clinics (issue 10 §4). */
    static final String FREE_PROGRAMME = "乡镇卫生院医疗计量器具免费检定 Free verification for township clinics";

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private DemoRegister register;
    @Inject
    private DuePlanner planner;
    @Inject
    private UserAccountRepository accounts;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail auditTrail;

    /** @return true if the data was loaded now, false if the database already had accounts. */
    public boolean loadIfEmpty(int balancePort, int comparatorPort, int multimeterPort, int pressurePort,
            int calibratorPort) {
        if (accounts.count() > 0) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        Institute institute = new Institute("江海市计量检定测试院", "Jianghai Institute of Metrology and Testing",
                "江海市科技路 88 号 / 88 Keji Road, Jianghai", "JH");
        institute.contact("mass-lab@jianghai-metrology.example", "江海市 Jianghai");
        em.persist(institute);

        Customer food = new Customer("C0001", "华东食品有限公司", "江海市工业园区兴业路 12 号", "qa@huadong-food.example");
        Customer market = new Customer("C0002", "江海市农贸市场管理处", "江海市人民路 301 号", "office@jh-market.example");
        em.persist(food);
        em.persist(market);

        // JJG 539 as data. The limits below are the demo's reading of the regulation, not confirmed
        // against its text ([M]): edit the row, do not change code, when the lab confirms them.
        edition(new ProcedureVersion(ScaleVerificationMethod.PROCEDURE, "数字指示秤检定规程 Verification Regulation of "
                + "Digital Indicating Scales", "VERIFICATION", LocalDate.of(2017, 5, 30), ScaleTestPlan.TEST_PLAN,
                Set.of("E1", "E2", "F1", "F2", "M1"), new BigDecimal("-10"), new BigDecimal("40"), new BigDecimal("85"),
                "JJG 539-2016 (environment limits [M], demo data, to be confirmed against the regulation text)"));
        // JJG 99 weights, calibrated after OIML R 111-1 Annex C: the reference weight must be of class E1 or E2
        // (a class better than the F1 weights of the demo); the limits are the demo's, [M] to be confirmed.
        edition(new ProcedureVersion(WeightCalibrationMethod.PROCEDURE, "砝码检定规程 Verification Regulation of "
                + "Weights (calibration after OIML R 111-1:2004 Annex C)", "CALIBRATION", LocalDate.of(2006, 12, 8),
                WeightCalibrationProcedure.TEST_PLAN, Set.of("E1", "E2"), new BigDecimal("18"), new BigDecimal("27"),
                new BigDecimal("80"),
                "JJG 99-2006 / OIML R 111-1:2004 (environment limits [M], demo data, to be confirmed)"));
        // JJF 1587 multimeters, direct against a multifunction calibrator of the classes below; limits [M].
        edition(new ProcedureVersion(MultimeterCalibrationMethod.PROCEDURE, "数字多用表校准规范 Calibration"
                + " Specification for Digital Multimeters", "CALIBRATION", LocalDate.of(2016, 11, 30),
                DmmTestPlan.TEST_PLAN, Set.of(CALIBRATOR_CLASS), new BigDecimal("18"), new BigDecimal("28"),
                new BigDecimal("75"), "JJF 1587-2016 (environment limits [M], demo data, to be confirmed)"));
        // standard resistors by substitution: the institute's own method after EA-4/02 S3, against a reference
        // resistor of the class below; the environment limits are the demo's ([M])
        edition(new ProcedureVersion(ResistorSubstitutionMethod.PROCEDURE, "标准电阻器替代法校准方法（本院方法）"
                + " Calibration of standard resistors by substitution (the institute's method)", "CALIBRATION",
                LocalDate.of(2026, 1, 1), ResistorSubstitutionMethod.TEST_PLAN, Set.of(RESISTOR_CLASS),
                new BigDecimal("18"), new BigDecimal("28"), new BigDecimal("75"),
                "JL-JF-R01-2026 after EA-4/02 M:2022 S3 (environment limits [M], demo data, to be confirmed)"));
        // blood-pressure meters: the reference a digital pressure standard of the classes below; the dates of
        // effect and the environment limits are the demo's ([M], docs/blood-pressure-verification.md 2.3)
        edition(new ProcedureVersion(AutomatedBpVerificationMethod.PROCEDURE, "无创自动测量血压计检定规程"
                + " Verification Regulation of Non-invasive Automated Sphygmomanometers", "VERIFICATION",
                LocalDate.of(2010, 12, 1), AutomatedBpVerificationMethod.TEST_PLAN, Set.of(PRESSURE_CLASS),
                new BigDecimal("10"), new BigDecimal("30"), new BigDecimal("85"),
                "JJG 692-2010 (date of effect and environment limits [M], demo data, to be confirmed)"));
        edition(new ProcedureVersion(ManualBpVerificationMethod.PROCEDURE, "血压计和血压表检定规程 Verification"
                + " Regulation of Sphygmomanometers", "VERIFICATION", LocalDate.of(2008, 12, 1),
                ManualBpVerificationMethod.TEST_PLAN, Set.of(PRESSURE_CLASS), new BigDecimal("10"),
                new BigDecimal("30"), new BigDecimal("85"),
                "JJG 270-2008 (date of effect and environment limits [M], demo data, to be confirmed)"));

        char[] pw = DEMO_PASSWORD.toCharArray();
        var now = clock.instant();
        UserAccount technician = account(new UserAccount("technician", "张伟", pw, Set.of(Roles.TECHNICIAN), null, now));
        UserAccount technician2 = account(new UserAccount("technician2", "周杰", pw, Set.of(Roles.TECHNICIAN), null, now));
        UserAccount checker = account(new UserAccount("checker", "李娜", pw, Set.of(Roles.CHECKER), null, now));
        UserAccount approver = account(new UserAccount("approver", "王强", pw, Set.of(Roles.APPROVER), null, now));
        account(new UserAccount("quality", "赵敏", pw, Set.of(Roles.QUALITY_MANAGER), null, now));
        account(new UserAccount("clerk", "陈静", pw, Set.of(Roles.INTAKE_CLERK), null, now));
        account(new UserAccount("admin", "系统管理员", pw, Set.of(Roles.ADMINISTRATOR), null, now));
        account(new UserAccount("customer", "刘洋（华东食品）", pw, Set.of(Roles.CUSTOMER, Roles.CUSTOMER_ADMINISTRATOR),
                food, now));
        account(new UserAccount("customer2", "孙丽（农贸市场）", pw, Set.of(Roles.CUSTOMER), market, now));
        grant(technician, Activity.PERFORM, "JJ-检-2024-0117", today.minusYears(2), today.plusYears(3));
        grant(technician2, Activity.PERFORM, "JJ-检-2021-0042", today.minusYears(5), today.minusDays(1)); // expired yesterday
        grant(checker, Activity.CHECK, "JJ-核-2023-0009", today.minusYears(3), today.plusYears(2));
        grant(approver, Activity.APPROVE, "JJ-批-2022-0003", today.minusYears(4), today.plusYears(1));
        grant(technician, WeightCalibrationMethod.PROCEDURE, Activity.PERFORM, "JJ-校-2024-0031", today.minusYears(1),
                today.plusYears(4));
        grant(checker, WeightCalibrationMethod.PROCEDURE, Activity.CHECK, "JJ-核-2023-0012", today.minusYears(3),
                today.plusYears(2));
        grant(approver, WeightCalibrationMethod.PROCEDURE, Activity.APPROVE, "JJ-批-2022-0005", today.minusYears(4),
                today.plusYears(1));
        for (String bp : new String[] {AutomatedBpVerificationMethod.PROCEDURE, ManualBpVerificationMethod.PROCEDURE}) {
            grant(technician, bp, Activity.PERFORM, "JJ-检-2025-0211", today.minusYears(1), today.plusYears(4));
            grant(checker, bp, Activity.CHECK, "JJ-核-2025-0030", today.minusYears(1), today.plusYears(4));
            grant(approver, bp, Activity.APPROVE, "JJ-批-2025-0012", today.minusYears(1), today.plusYears(4));
        }
        grant(technician, MultimeterCalibrationMethod.PROCEDURE, Activity.PERFORM, "JJ-校-2025-0107",
                today.minusYears(1), today.plusYears(4));
        grant(checker, MultimeterCalibrationMethod.PROCEDURE, Activity.CHECK, "JJ-核-2025-0021", today.minusYears(1),
                today.plusYears(4));
        grant(approver, MultimeterCalibrationMethod.PROCEDURE, Activity.APPROVE, "JJ-批-2025-0008", today.minusYears(1),
                today.plusYears(4));
        grant(technician, ResistorSubstitutionMethod.PROCEDURE, Activity.PERFORM, "JJ-校-2026-0015",
                today.minusMonths(6), today.plusYears(4));
        grant(checker, ResistorSubstitutionMethod.PROCEDURE, Activity.CHECK, "JJ-核-2026-0004", today.minusMonths(6),
                today.plusYears(4));
        grant(approver, ResistorSubstitutionMethod.PROCEDURE, Activity.APPROVE, "JJ-批-2026-0002", today.minusMonths(6),
                today.plusYears(4));
        // intermediate checks of the institute's standards made at the bench (JJF 1033, method.check)
        edition(new ProcedureVersion(IntermediateCheckMethod.PROCEDURE, "计量标准考核规范 期间核查 Rules for the"
                + " Examination of Measurement Standards: intermediate checks", "CALIBRATION",
                LocalDate.of(2017, 5, 30), IntermediateCheckMethod.TEST_PLAN, Set.of("E1", "E2"), new BigDecimal("18"),
                new BigDecimal("27"), new BigDecimal("80"),
                "the mass laboratory's limits for its E1 / E2 standards (demo data, [M])"));
        grant(technician, IntermediateCheckMethod.PROCEDURE, Activity.PERFORM, "JJ-标-2024-0032", today.minusYears(1),
                today.plusYears(4));
        grant(checker, IntermediateCheckMethod.PROCEDURE, Activity.CHECK, "JJ-核-2024-0040", today.minusYears(1),
                today.plusYears(4));
        grant(approver, IntermediateCheckMethod.PROCEDURE, Activity.APPROVE, "JJ-批-2024-0019", today.minusYears(1),
                today.plusYears(4));

        standard(new MeasurementStandard("STD-F1-001", "F1 等级砝码组 1 mg–20 kg / F1 weight set", "F1",
                "WS-F1-2019-017", "JZJ2026-04512", "江海市计量检定测试院社会公用计量标准 → 国家质量基准",
                today.minusMonths(5), today.plusMonths(7)));
        standard(new MeasurementStandard("STD-M1-002", "M1 等级砝码 20 kg × 2 / M1 weights 20 kg", "M1",
                "WS-M1-2016-003", "JZJ2025-01877", "江海市计量检定测试院 F1 砝码组",
                today.minusMonths(13), today.minusDays(20)));
        standard(new MeasurementStandard("STD-F1-003", "F1 等级砝码 10 kg / F1 weight 10 kg", "F1",
                "WS-F1-2021-044", "JZJ2026-00321", "江海市计量检定测试院社会公用计量标准 → 国家质量基准",
                today.minusMonths(11), today.plusDays(18)));

        ScaleParameters scale = new ScaleParameters(AccuracyClass.III,
                Mass.of("30", org.jiliang.lims.metrology.MassUnit.KG),
                Mass.of("10", org.jiliang.lims.metrology.MassUnit.G),
                Mass.of("10", org.jiliang.lims.metrology.MassUnit.G));
        earlierVerification(new InstrumentUnderTest(food, "数字指示秤", "数字指示秤 Digital indicating scale",
                "上海耀华称重系统有限公司", "XK3190-A12", "YH2026-00731", scale, true, 12,
                "华东食品有限公司 成品库"), today.plusDays(10), "JHJD2025-000731");
        earlierVerification(new InstrumentUnderTest(market, "数字指示秤", "电子计价秤 Price-computing scale",
                "凯丰衡器有限公司", "ACS-30", "KF-88123", scale, true, 12,
                "农贸市场 A 区 12 号摊位"), today.plusDays(40), "JHJD2025-000812");

        BenchDevice bench = new BenchDevice("BAL-01", "检定台 1 · 被检秤 RS-232/TCP 接口 (MT-SICS)", "mt-sics",
                "127.0.0.1", balancePort, "SI", 300, true);
        // what the simulator reports (DemoData): the page shows "identity verified"
        bench.identify(DemoData.BALANCE_MODEL, DemoData.BALANCE_SERIAL_NUMBER);
        em.persist(bench);
        standard(new MeasurementStandard("STD-M2-004", "M2 等级砝码组 1 g–10 kg / M2 weight set", "M2",
                "WS-M2-2020-011", "JZJ2026-03303", "江海市计量检定测试院 M1 砝码组",
                today.minusMonths(3), today.plusMonths(9)));
        loadMassBench(food, comparatorPort, today);
        loadCheckWeight(today);
        loadElectricalBench(food, multimeterPort, calibratorPort, today);
        loadBloodPressureBench(pressurePort, today, pw, now);
        loadNetContentBench(food, technician, checker, approver, today);
        loadCoverage(now);
        em.flush();
        int registered = register.load(today);
        audit("demo.registerLoaded", "InstrumentUnderTest", "D0001–D" + DemoRegister.OWNERS, registered
                + " instruments of " + DemoRegister.OWNERS + " owners under legal control (issue 12)");
        return true;
    }

    /**
     * The mass bench: an E2 1 kg reference weight with the values of its certificate, a simulated comparator with
     * d = 0.1 mg, and a customer's F1 1 kg weight to calibrate.
     */
    private void loadMassBench(Customer customer, int comparatorPort, LocalDate today) {
        MeasurementStandard reference = new MeasurementStandard("STD-E2-005", "E2 等级砝码 1 kg / E2 reference weight 1 kg",
                "E2", "WS-E2-2022-008", "JZJ2026-02217", "江海市计量检定测试院 E1 砝码组 → 国家质量基准",
                today.minusMonths(4), today.plusMonths(8));
        // values as the reference weight's certificate states them (demo data)
        reference.certifyAsReferenceWeight(new WeightCalibrationProcedure.ReferenceWeight(
                Mass.of("1000.00012", MassUnit.G), Mass.of("0.50", MassUnit.MG), new BigDecimal("2"),
                new BigDecimal("8000"), new BigDecimal("70"), new BigDecimal("1.2"), Mass.of("0.30", MassUnit.MG)));
        standard(reference);
        BenchDevice comparator = new BenchDevice("CMP-01", "质量实验室 · 质量比较仪 1 kg (MT-SICS)", "mt-sics",
                "127.0.0.1", comparatorPort, "SI", 300, true);
        comparator.scaleInterval(Mass.of("0.0001", MassUnit.G));
        // s_p of the comparator's check-weight series: the demo's simulated comparator repeats itself exactly, so
        // its own series would claim a zero Type A component (issue 11)
        comparator.pooledStandardDeviation(new org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation(
                new java.math.BigDecimal("0.00005"), "g", 20, "CMP-01 核查标准控制图 check-standard chart 2026"));
        comparator.identify(DemoData.COMPARATOR_MODEL, DemoData.COMPARATOR_SERIAL_NUMBER);
        em.persist(comparator);
        InstrumentUnderTest weight = InstrumentUnderTest.weight(customer, "砝码 1 kg F1 Weight", "江海衡器砝码厂",
                "W-2611-01", WeightClass.F1, Mass.of("1", MassUnit.KG), 12,
                "华东食品有限公司 质检室");
        earlierVerification(weight, today.plusDays(5), "JHJZ2025-000211");
        audit("instrument.registered", "InstrumentUnderTest", weight.serialNumber(), "F1 1 kg weight");
    }

    /**
     * The institute's own check weight for STD-E2-005 (核查砝码), registered as a check standard of an owner record of
     * the institute's own, so that a check can be made at the mass bench as a job (method.check).
     */
    private void loadCheckWeight(LocalDate today) {
        Customer institute = new Customer("C0900", "江海市计量检定测试院（本院）", "江海市科技路 88 号 / 88 Keji Road", null);
        em.persist(institute);
        CheckStandardKind kind = new CheckStandardKind();
        Map<String, InstrumentParameter.Value> values = new LinkedHashMap<>();
        for (ParameterSpec spec : kind.parameterSpecs()) {
            spec.check(DemoStandardHistory.STANDARD).ifPresent(v -> values.put(spec.name(), v));
        }
        InstrumentUnderTest weight = InstrumentUnderTest.ofKind(institute, kind, "核查砝码 1 kg E2 / check weight",
                "江海衡器砝码厂", "1 kg E2", "CW-E2-01", values, false, 12, "本院质量实验室 / mass laboratory");
        earlierVerification(weight, today.plusMonths(11), "JHHC2025-000017");
        audit("instrument.registered", "InstrumentUnderTest", weight.serialNumber(), "check weight for "
                + DemoStandardHistory.STANDARD);
    }

    /**
     * The electrical bench: a multifunction calibrator with the values of its certificate at the points of the
     * demo's meter, driven over its remote interface, a simulated 6½-digit SCPI multimeter read over a raw TCP
     * socket, and the customer's meter.
     */
    private void loadElectricalBench(Customer customer, int multimeterPort, int calibratorPort, LocalDate today) {
        MeasurementStandard calibrator = new MeasurementStandard("STD-MFC-006", "多功能校准器 / Multifunction calibrator",
                CALIBRATOR_CLASS, "MFC-2023-0611", "JZJ2026-05120", "江海市计量检定测试院直流电压、电阻标准 → 国家基准",
                today.minusMonths(2), today.plusMonths(10));
        // demo certificate values: the output at each point is off by 2 µV/V, U = 3 µV/V + 1 µV (k = 2); drift
        // since calibration ±5 µV/V, temperature effect ±1 µV/V (rectangular)
        for (String v : new String[] {"0", "0.1", "0.9", "-0.9", "1", "3", "5", "7", "9", "-9"}) {
            calibrator.certifyValue(certified(new BigDecimal(v), "V", new BigDecimal("0.000001")));
        }
        for (String r : new String[] {"1000", "9000"}) {
            calibrator.certifyValue(certified(new BigDecimal(r), "Ω", new BigDecimal("0.005")));
        }
        // the bench drives the calibrator over its remote interface: asked what it puts out (OUT?) every second, so
        // each setting it was given is kept as a frame beside the meter's readings
        BenchDevice source = new BenchDevice("MFC-01", "电学实验室 · 多功能校准器 (SCPI, TCP)", "scpi", "127.0.0.1",
                calibratorPort, "OUT?", 1000, true);
        source.identify(DemoData.CALIBRATOR_MODEL, DemoData.CALIBRATOR_SERIAL_NUMBER);
        em.persist(source);
        calibrator.driveThrough(source);
        standard(calibrator);
        BenchDevice meter = new BenchDevice("DMM-01", "电学实验室 · 数字多用表 6½ 位 (SCPI, TCP 5025)", "scpi", "127.0.0.1",
                multimeterPort, "READ?", 300, true);
        meter.identify(DemoData.MULTIMETER_MODEL, DemoData.MULTIMETER_SERIAL_NUMBER);
        // s_p of R_X/R_S at 10 kΩ from the meter's check-resistor pairs: the simulated meter repeats itself exactly,
        // so the pairs' own scatter would claim a zero Type A component (issue 11)
        meter.pooledStandardDeviation(new org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation(
                new java.math.BigDecimal("0.0000002"), "", 30, "DMM-01 10 kΩ 比值核查记录 ratio check records 2026"));
        em.persist(meter);
        MultimeterKind kind = new MultimeterKind();
        Map<String, String> given = Map.of(MultimeterKind.DCV_RANGES, "1 V; 10 V", MultimeterKind.RESISTANCE_RANGES,
                "10 kΩ", MultimeterKind.DIGITS, "6½");
        InstrumentUnderTest dmm = InstrumentUnderTest.ofKind(customer, kind, "数字多用表 Digital multimeter",
                "江海电子仪器厂", "JH-34465", "DMM-2611-07", parameters(kind, given), false, 12,
                "华东食品有限公司 设备科");
        earlierVerification(dmm, today.plusDays(15), "JHJZ2025-000507");
        audit("instrument.registered", "InstrumentUnderTest", dmm.serialNumber(), "DMM 6½ digits");

        // the reference of the substitution: the values of EA-4/02 S3's reference (demo data)
        MeasurementStandard reference = new MeasurementStandard("STD-RES-008", "标准电阻 10 kΩ / Reference standard"
                + " resistor 10 kΩ", RESISTOR_CLASS, "RS-2019-1071", "JZJ2026-05877", "江海市计量检定测试院直流电阻标准"
                + " → 国家基准", today.minusMonths(5), today.plusMonths(7));
        var ohm = Units.of("Ω");
        reference.certifyValue(new StandardValue.Certified(new Quantity(new BigDecimal("10000"), ohm),
                new Quantity(new BigDecimal("10000.053"), ohm), new Quantity(new BigDecimal("0.005"), ohm),
                new BigDecimal("2"), new Quantity(new BigDecimal("0.020"), ohm),
                new Quantity(new BigDecimal("0.010"), ohm), new Quantity(BigDecimal.ZERO, ohm),
                new StandardValue.TemperatureDependence(new Quantity(new BigDecimal("23"), Units.of("°C")),
                        new BigDecimal("0.000005"))));
        standard(reference);
        StandardResistorKind resistorKind = new StandardResistorKind();
        Map<String, String> resistorGiven = Map.of(StandardResistorKind.NOMINAL, "10 kΩ",
                StandardResistorKind.ALPHA_BOUND, "10");
        InstrumentUnderTest resistor = InstrumentUnderTest.ofKind(customer, resistorKind, "标准电阻 Standard resistor",
                "江海电工仪器厂", "BZ3-10k", "RES-2611-11", parameters(resistorKind, resistorGiven), false, 12,
                "华东食品有限公司 计量室");
        earlierVerification(resistor, today.plusDays(20), "JHJZ2025-000533");
        audit("instrument.registered", "InstrumentUnderTest", resistor.serialNumber(), "standard resistor 10 kΩ");
    }

    /**
     * The blood-pressure bench: a township clinic in the free-verification programme with its account and its
     * automated blood-pressure meter, a digital pressure standard read over SCPI (Druck PACE) on a raw TCP socket.
     */
    private void loadBloodPressureBench(int pressurePort, LocalDate today, char[] pw, java.time.Instant now) {
        Customer clinic = new Customer("C0003", "江海市东湖镇卫生院", "江海市东湖镇卫生路 6 号", "office@donghu-clinic.example");
        clinic.belongTo(FREE_PROGRAMME);
        em.persist(clinic);
        audit("customer.registered", "Customer", clinic.code(), clinic.name() + " (" + FREE_PROGRAMME + ")");
        account(new UserAccount("clinic", "吴芳（东湖镇卫生院）", pw, Set.of(Roles.CUSTOMER), clinic, now));
        standard(new MeasurementStandard("STD-PRS-007", "数字压力计 0–70 kPa / Digital pressure standard (PACE1000)",
                PRESSURE_CLASS, "PACE2026-0316", "JZJ2026-06118", "江海市计量检定测试院压力标准 → 国家基准",
                today.minusMonths(3), today.plusMonths(9)));
        BenchDevice gauge = new BenchDevice("PRS-01", "血压计检定台 · 数字压力计 (PACE SCPI, TCP)", "pace", "127.0.0.1",
                pressurePort, ":SENS:PRES?", 300, true);
        gauge.identify(DemoData.PRESSURE_MODEL, DemoData.PRESSURE_SERIAL_NUMBER);
        em.persist(gauge);
        AutomatedBpKind kind = new AutomatedBpKind();
        Map<String, String> given = Map.of("range.high", "300 mmHg", "division", "1 mmHg");
        InstrumentUnderTest meter = InstrumentUnderTest.ofKind(clinic, kind, "电子血压计 Automated blood-pressure meter",
                "鱼跃医疗", "YE660D", "BP-2611-23", parameters(kind, given), true, 12, "东湖镇卫生院 门诊");
        earlierVerification(meter, today.plusDays(7), "JHJD2025-000923");
        audit("instrument.registered", "InstrumentUnderTest", meter.serialNumber(), "automated BP meter");
    }

    /**
     * Net-content inspection (JJF 1070, method.netcontent): the edition, the staff's authorizations, the mass
     * comparator CMP-01 used as the balance (a measuring instrument of the institute, class I, d = 0.1 mg), and a lot of
     * the food company's sugar sampled two days ago, to be weighed with an average tare.
     */
    private void loadNetContentBench(Customer food, UserAccount technician, UserAccount checker, UserAccount approver,
            LocalDate today) {
        edition(new ProcedureVersion(NetContentInspectionMethod.PROCEDURE, "定量包装商品净含量计量检验规则 Rules of"
                + " Metrological Testing for Net Quantity of Products in Prepackages", "CALIBRATION",
                LocalDate.of(2024, 10, 12), NetContentInspectionMethod.TEST_PLAN, Set.of("I", "II"),
                new BigDecimal("10"), new BigDecimal("35"), new BigDecimal("85"),
                "JJF 1070-2023 (environment limits [M], demo data, to be confirmed against the specification)"));
        grant(technician, NetContentInspectionMethod.PROCEDURE, Activity.PERFORM, "JJ-检-2025-0301", today.minusYears(1),
                today.plusYears(4));
        grant(checker, NetContentInspectionMethod.PROCEDURE, Activity.CHECK, "JJ-核-2025-0044", today.minusYears(1),
                today.plusYears(4));
        grant(approver, NetContentInspectionMethod.PROCEDURE, Activity.APPROVE, "JJ-批-2025-0020", today.minusYears(1),
                today.plusYears(4));
        standard(new MeasurementStandard("STD-BAL-009", "质量比较仪 1100 g（作天平用，d = 0.1 mg）/ Mass comparator"
                + " 1100 g used as a balance", "I", DemoData.COMPARATOR_SERIAL_NUMBER, "JZJ2026-07012",
                "江海市计量检定测试院 E2 砝码组 → 国家质量基准", today.minusMonths(2), today.plusMonths(10)));
        lot(food, "白砂糖 White sugar", "华东牌 500 g 袋装 / bag", DEMO_LOT, "500 g", 40, today.minusDays(2));
        // inspected by the demo's bench history (DemoBenchHistory), when it runs
        lot(food, "绵白糖 Soft white sugar", "华东牌 400 g 袋装 / bag", INSPECTED_LOT, "400 g", 30, today.minusDays(5));
    }

    /** A lot of the food company's prepackages sampled at its finished-goods store, to be weighed with an average tare. */
    private void lot(Customer food, String product, String presentation, String lotNumber, String labelled, int size,
            LocalDate sampledOn) {
        PrepackageLotKind kind = new PrepackageLotKind();
        Map<String, String> given = Map.of("labelled", labelled, "lot.size", String.valueOf(size), "sampled.at",
                "华东食品有限公司 成品库 / finished-goods store", "sampled.on", sampledOn.toString(), "tare",
                PrepackageLotKind.AVERAGE_TARE);
        InstrumentUnderTest lot = InstrumentUnderTest.ofKind(food, kind, product, "华东食品有限公司", presentation,
                lotNumber, parameters(kind, given), false, 12, "华东食品有限公司 成品库");
        em.persist(lot);
        audit("instrument.registered", "InstrumentUnderTest", lot.serialNumber(), "lot of prepackages, " + labelled
                + ", N = " + size);
    }

    /** The parameters of a kind of instrument from the values given by name, as the register's form checks them. */
    private static Map<String, InstrumentParameter.Value> parameters(org.jiliang.lims.registry.InstrumentKind kind,
            Map<String, String> given) {
        Map<String, InstrumentParameter.Value> values = new LinkedHashMap<>();
        for (ParameterSpec spec : kind.parameterSpecs()) {
            spec.check(given.get(spec.name())).ifPresent(v -> values.put(spec.name(), v));
        }
        return values;
    }

    /** A certified value 2 µV/V above nominal (demo), U = 3 µV/V + floor, drift ±5 µV/V, temperature ±1 µV/V. */
    private static StandardValue.Certified certified(BigDecimal nominal, String unit, BigDecimal floor) {
        BigDecimal ppm = new BigDecimal("0.000001");
        BigDecimal magnitude = nominal.abs();
        var u = Units.of(unit);
        return new StandardValue.Certified(new Quantity(nominal, u),
                new Quantity(nominal.add(nominal.multiply(ppm).multiply(BigDecimal.valueOf(2))), u),
                new Quantity(magnitude.multiply(ppm).multiply(BigDecimal.valueOf(3)).add(floor), u),
                new BigDecimal("2"), new Quantity(magnitude.multiply(ppm).multiply(BigDecimal.valueOf(5)), u),
                new Quantity(magnitude.multiply(ppm), u));
    }

    private UserAccount account(UserAccount account) {
        accounts.add(account);
        em.flush();
        audit("account.created", "UserAccount", account.username(), account.displayName() + " " + account.roles());
        return account;
    }

    private void grant(UserAccount who, Activity activity, String certificate, LocalDate from, LocalDate until) {
        grant(who, ScaleVerificationMethod.PROCEDURE, activity, certificate, from, until);
    }

    private void grant(UserAccount who, String procedure, Activity activity, String certificate, LocalDate from,
            LocalDate until) {
        em.persist(new Authorization(who, procedure, activity, certificate, from, until));
        audit("authorization.granted", "Authorization", who.username(),
                activity + " " + procedure + " " + certificate + " " + from + "…" + until);
    }

    /**
     * A procedure edition of the demo, audited from the record itself as the procedure service audits one, so the
     * trail and the record cannot state different dates.
     */
    private void edition(ProcedureVersion p) {
        em.persist(p);
        audit("procedure.created", "ProcedureVersion", p.code() + " @ " + p.effectiveFrom(), p.code() + " "
                + p.title() + " from " + p.effectiveFrom() + ", plan " + p.testPlan() + ", standards "
                + p.allowedStandardClasses() + ", " + p.limitsText() + " (" + p.limitsSource() + ")");
    }

    /**
     * The standards' measuring ranges as their assessment certificates would state them, and the region's
     * traceability needs (issue 15): some covered, some not (no temperature or volume standard, the 20 kg weights
     * past their recalibration date), so that the coverage figure has something real to count.
     */
    private void loadCoverage(java.time.Instant now) {
        String[][] ranges = {
                {"STD-F1-001", "0.001", "20000", "g"}, {"STD-M1-002", "20", "40", "kg"}, {"STD-F1-003", "10", "10", "kg"},
                {"STD-M2-004", "1", "10000", "g"}, {"STD-E2-005", "1", "1", "kg"}, {"STD-MFC-006", "0", "1000", "V"},
                {"STD-RES-008", "10", "10", "kΩ"}, {"STD-PRS-007", "0", "70", "kPa"}};
        for (String[] r : ranges) {
            em.createQuery("select s from MeasurementStandard s where s.code = :c", MeasurementStandard.class)
                    .setParameter("c", r[0]).getSingleResult().measuringRange(Quantity.of(r[1], r[3]),
                            Quantity.of(r[2], r[3]));
        }
        String plan = "江海市计量发展规划（2026—2030）/ municipal metrology plan (demo)";
        String[][] needs = {
                {"集贸市场电子计价秤检定用砝码 / weights for market scales", "0.001", "30", "kg", null},
                {"定量包装商品净含量检验用砝码 / weights for net-content inspection", "1", "10000", "g", null},
                {"血压计（表）检定 / sphygmomanometers", "0", "40", "kPa", null},
                {"一般压力表检定 / pressure gauges", "0", "6", "MPa", null},
                {"数字多用表直流电压校准 / DC voltage of multimeters", "0", "1000", "V", null},
                {"标准电阻 10 kΩ 量值传递 / 10 kΩ resistance", "10", "10", "kΩ", null},
                {"医用及工业温度计 / thermometers", "-40", "150", "°C", null},
                {"燃油加油机检定用标准量器 / volume for fuel dispensers", "5", "100", "L", null},
                {"汽车衡检定 / weighbridges", "1", "60", "t", "北湖区"}};
        for (String[] n : needs) {
            em.persist(new TraceabilityNeed(n[0], new Span(Quantity.of(n[1], n[3]), Quantity.of(n[2], n[3]), n[0]),
                    n[4], plan, "quality", now));
        }
    }

    private void standard(MeasurementStandard standard) {
        em.persist(standard);
        audit("standard.registered", "MeasurementStandard", standard.code(),
                standard.name() + " " + standard.certificateNumber() + " due " + standard.dueDate());
    }

    private void audit(String action, String type, String id, String value) {
        auditTrail.record(new AuditEvent("system (demo data)", action, type, id, null, null, value, null));
    }

    /**
     * An instrument registered with the verification it had before the system (a paper certificate), in the
     * category of its kind: the register derives its due date (issue 12), here the day given.
     */
    private void earlierVerification(InstrumentUnderTest instrument, LocalDate due, String certificate) {
        instrument.placeInRegister(catalogue.ofKind(instrument.kind()).map(CategoryView::code).orElse(null), null,
                null);
        em.persist(instrument);
        planner.passed(instrument, due.minusMonths(instrument.intervalMonths()), certificate);
    }
}
