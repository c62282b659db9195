package org.jiliang.reports.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jiliang.reports.Quantity;

/**
 * Writes a sample certificate so a person can look at the layout:
 * {@code java -cp <module classpath> org.jiliang.reports.certificate.SampleCertificate out.pdf [notice]}.
 * The data is fictitious: a class III digital indicating scale verified to JJG 539.
 */
public final class SampleCertificate {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private SampleCertificate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("notice"))) {
            System.err.println("usage: SampleCertificate <output.pdf> [notice]");
            System.exit(2);
        }
        CertificateDocument doc = args.length == 2 ? nonConformityNotice() : verificationCertificate();
        long start = System.nanoTime();
        byte[] pdf = new CertificateRenderer().renderPdf(doc);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Path out = Path.of(args[0]);
        Files.write(out, pdf);
        System.out.println("wrote " + doc.kind() + " " + doc.number() + " to " + out.toAbsolutePath()
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
