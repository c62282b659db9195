package org.jiliang.reports.certificate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jiliang.reports.Quantity;

/**
 * Writes a sample certificate so a person can look at the layout:
 * {@code java -cp <module classpath> org.jiliang.reports.certificate.SampleCertificate out.pdf [notice|calibration]}.
 * The data is fictitious: a class III digital indicating scale verified to JJG 539, or two M1
 * weights calibrated to JJG 99 / OIML R 111.
 */
public final class SampleCertificate {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private SampleCertificate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !List.of("notice", "calibration").contains(args[1]))) {
            System.err.println("usage: SampleCertificate <output.pdf> [notice|calibration]");
            System.exit(2);
        }
        CertificateRenderer renderer = new CertificateRenderer();
        String which = args.length == 2 ? args[1] : "verification";
        long start = System.nanoTime();
        String written;
        byte[] pdf;
        if (which.equals("calibration")) {
            CalibrationCertificate doc = calibrationCertificate();
            pdf = renderer.renderPdf(doc);
            written = doc.kind() + " " + doc.number();
        } else {
            CertificateDocument doc = which.equals("notice") ? nonConformityNotice() : verificationCertificate();
            pdf = renderer.renderPdf(doc);
            written = doc.kind() + " " + doc.number();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Path out = Path.of(args[0]);
        Files.write(out, pdf);
        System.out.println("wrote " + written + " to " + out.toAbsolutePath()
                + " (" + pdf.length + " bytes, " + millis + " ms including template loading)");
    }

    /** A scale that passed initial verification. */
    public static CertificateDocument verificationCertificate() {
        String number = "JH-J2026-011523";
        return new CertificateDocument(
                CertificateKind.VERIFICATION_CERTIFICATE,
                number,
                LocalDate.of(2026, 11, 21),
                laboratory(),
                customer(),
                scale(),
                new Procedure("JJG 539-2016", "《数字指示秤》 Digital Indicating Scales"),
                "首次检定 Initial verification",
                LocalDate.of(2026, 11, 20),
                "本所衡器实验室 Weighing laboratory of the institute",
                new Environment(Quantity.of("20.3", "°C"), Quantity.of("55", "%RH")),
                List.of(
                        row("20 e", "100", "100", "0.0", "2.5", true),
                        row("500 e", "2500", "2500", "+1.0", "2.5", true),
                        row("1000 e", "5000", "5000", "-1.5", "5", true),
                        row("2000 e", "10000", "10005", "+3.0", "5", true),
                        row("3000 e (Max)", "15000", "15005", "+4.5", "7.5", true)),
                standards(),
                Conclusion.pass(LocalDate.of(2027, 11, 19)),
                signatures(),
                verificationUrl(number));
    }

    /** The same kind of scale failing at Max. */
    public static CertificateDocument nonConformityNotice() {
        String number = "JH-T2026-000347";
        return new CertificateDocument(
                CertificateKind.NOTICE_OF_NON_CONFORMITY,
                number,
                LocalDate.of(2026, 11, 21),
                laboratory(),
                customer(),
                scale(),
                new Procedure("JJG 539-2016", "《数字指示秤》 Digital Indicating Scales"),
                "后续检定 Subsequent verification",
                LocalDate.of(2026, 11, 20),
                "本所衡器实验室 Weighing laboratory of the institute",
                new Environment(Quantity.of("20.1", "°C"), null),
                List.of(
                        row("20 e", "100", "100", "+0.5", "2.5", true),
                        row("500 e", "2500", "2505", "+2.0", "2.5", true),
                        row("2000 e", "10000", "10005", "+4.5", "5", true),
                        row("3000 e (Max)", "15000", "15010", "+9.0", "7.5", false)),
                standards(),
                Conclusion.fail(List.of(
                        "3000 e (15000 g): 误差 +9.0 g 超出最大允许误差 ±7.5 g"
                                + " / error +9.0 g exceeds the MPE of ±7.5 g")),
                signatures(),
                verificationUrl(number));
    }

    /**
     * Two class M1 weights calibrated by ABBA comparison with F2 reference weights; the customer asked
     * whether they conform to class M1, decided with guarded acceptance (w = U, the OIML R 111 rule).
     * 10 kg: 10000.025 g, U = 59 mg (k = 2); |+25 mg| ≤ 500 mg − 59 mg, so it conforms.
     */
    public static CalibrationCertificate calibrationCertificate() {
        String number = "JH-C2026-000815";
        return new CalibrationCertificate(
                number,
                LocalDate.of(2026, 11, 24),
                laboratory(),
                customer(),
                new CalibratedItem("砝码 Weights (M1)", "江海衡器砝码厂", "圆柱形 Cylindrical",
                        "W-2411-07, W-2411-08", "10 kg, 5 kg", "M1"),
                new Procedure("JJG 99-2006 / OIML R 111-1:2004", "《砝码》 Weights"),
                "ABBA 循环直接比较法，3 个循环 Direct comparison with a reference weight, ABBA, 3 cycles",
                LocalDate.of(2026, 11, 23),
                "本所质量实验室 Mass laboratory of the institute",
                new Environment(Quantity.of("20.4", "°C"), Quantity.of("48", "%RH"),
                        Quantity.of("1008.6", "hPa"), Quantity.of("1.1922", "kg/m³")),
                List.of(
                        weight("10 kg 砝码 W-2411-07", "10", "10000.025", "59", "500", new UncertaintyBudget(List.of(
                                component("参考砝码 Reference weight m_cr", "10000.004 g", "25.0", null),
                                component("参考砝码不稳定性 Instability of the reference weight", "0 mg", "10.0", null),
                                component("称量过程 Weighing process (ABBA, n = 3)", "+21 mg", "8.7", 2),
                                component("空气浮力修正 Air buoyancy correction", "0.0 mg", "5.0", null),
                                component("天平：灵敏度、分辨力、偏载 Balance: sensitivity, resolution, eccentricity",
                                        null, "5.7", null)),
                                Quantity.of("29.3", "mg"), 257)),
                        weight("5 kg 砝码 W-2411-08", "5", "4999.988", "30", "250", new UncertaintyBudget(List.of(
                                component("参考砝码 Reference weight m_cr", "5000.002 g", "12.5", null),
                                component("参考砝码不稳定性 Instability of the reference weight", "0 mg", "5.0", null),
                                component("称量过程 Weighing process (ABBA, n = 3)", "-14 mg", "4.6", 2),
                                component("空气浮力修正 Air buoyancy correction", "0.0 mg", "2.5", null),
                                component("天平：灵敏度、分辨力、偏载 Balance: sensitivity, resolution, eccentricity",
                                        null, "4.0", null)),
                                Quantity.of("15.0", "mg"), 225))),
                List.of(
                        new StandardUsed("F2 等级砝码 F2 reference weights (1 kg – 10 kg)", "JH-BZ-0107", "F2",
                                "JHJL2026-Z-00731", LocalDate.of(2027, 5, 10)),
                        new StandardUsed("质量比较仪 Mass comparator (Max 10.1 kg, d = 10 mg)", "JH-BZ-0215",
                                "±0.05 g", "JHJL2026-Z-00902", LocalDate.of(2027, 8, 2)),
                        new StandardUsed("温湿度气压计 Thermo-hygro-barometer", "JH-HJ-0044",
                                "±0.2 °C, ±2 %RH, ±0.5 hPa", "JHJL2026-W-00288", LocalDate.of(2027, 2, 17))),
                new ConformityStatement(
                        "OIML R 111-1:2004 M1 等级要求",
                        "class M1 of OIML R 111-1:2004",
                        DecisionRule.GUARDED_ACCEPTANCE,
                        "恰在接受限 m0 ± (δm − U) 上的结果判为符合 A result exactly on the acceptance limit m0 ± (δm − U) conforms",
                        "误判接受概率 < 2.5 %（k = 2） Probability of false acceptance < 2.5 % (k = 2)"),
                List.of(
                        new SignatureLine("校准员 Calibrated by", "赵立新", OffsetDateTime.of(2026, 11, 23, 16, 20, 0, 0, CHINA)),
                        new SignatureLine("核验员 Checked by", "李晓梅", OffsetDateTime.of(2026, 11, 24, 9, 40, 0, 0, CHINA)),
                        new SignatureLine("批准人 Approved by", "陈志远", OffsetDateTime.of(2026, 11, 24, 11, 5, 0, 0, CHINA))),
                verificationUrl(number));
    }

    private static CalibrationResult weight(String item, String nominalKg, String conventionalMassG, String uMg,
            String mpeMg, UncertaintyBudget budget) {
        return new CalibrationResult(item, "约定质量 Conventional mass", Quantity.of(nominalKg, "kg"),
                Quantity.of(conventionalMassG, "g"), Quantity.of(uMg, "mg"), new BigDecimal("2"), "≈95 %",
                ConformityDecision.withinPlusMinus(Quantity.of(mpeMg, "mg"), ConformityOutcome.CONFORMS), budget);
    }

    private static UncertaintyComponent component(String source, String estimate, String uMg, Integer degreesOfFreedom) {
        return new UncertaintyComponent(source, estimate, Quantity.of(uMg, "mg"), "1", Quantity.of(uMg, "mg"),
                degreesOfFreedom);
    }

    private static Laboratory laboratory() {
        return new Laboratory("江海市计量检定测试所", "Jianghai Institute of Metrology and Testing",
                "江海市高新区科技路 1 号 No. 1 Keji Road, Jianghai");
    }

    private static Customer customer() {
        return new Customer("华东食品有限公司", "江海市滨江区春东路 88 号");
    }

    private static InstrumentUnderTest scale() {
        return new InstrumentUnderTest("数字指示秤 Digital indicating scale", "宁波衡达衡器有限公司",
                "TCS-15", "HD2411-00731", Quantity.of("15", "kg"), Quantity.of("5", "g"), "III");
    }

    private static List<StandardUsed> standards() {
        return List.of(
                new StandardUsed("M1 等级砝码 M1 weights (1 g – 20 kg)", "JH-BZ-0112", "M1",
                        "JHJL2026-Z-00815", LocalDate.of(2027, 3, 14)),
                new StandardUsed("温湿度计 Thermohygrometer", "JH-HJ-0031", "±0.3 °C, ±3 %RH",
                        "JHJL2026-W-00203", LocalDate.of(2027, 1, 9)));
    }

    private static List<SignatureLine> signatures() {
        return List.of(
                new SignatureLine("检定员 Performed by", "王建国", OffsetDateTime.of(2026, 11, 20, 10, 42, 0, 0, CHINA)),
                new SignatureLine("核验员 Checked by", "李晓梅", OffsetDateTime.of(2026, 11, 20, 15, 10, 0, 0, CHINA)),
                new SignatureLine("批准人 Approved by", "陈志远", OffsetDateTime.of(2026, 11, 21, 9, 5, 0, 0, CHINA)));
    }

    private static String verificationUrl(String number) {
        return "https://verify.jianghai-metrology.example.cn/c/" + number + "?k=7f3a9c51";
    }

    private static ResultRow row(String point, String load, String indication, String error, String mpe, boolean pass) {
        return new ResultRow(point, Quantity.of(load, "g"), Quantity.of(indication, "g"),
                Quantity.of(error, "g"), Quantity.of(mpe, "g"), pass);
    }
}
