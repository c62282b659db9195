package org.jiliang.lims.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.lims.personnel.Activity;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.personnel.SignatureMeaning;
import org.jiliang.lims.metrology.Verdict;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.order.JobState;
import org.jiliang.lims.standard.StandardStatus;
import org.jiliang.reports.certificate.CertificateKind;
import org.junit.jupiter.api.Test;

/** Every label a page shows exists in Chinese and in English (faces-config: {@code msg}). */
class WebMessagesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Pattern LOOKUP = Pattern.compile("msg\\[");
    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\[\\s*'([^']+)'\\s*]");
    private static final Pattern BUILT_KEY = Pattern.compile("msg\\[\\s*'([^']+)'\\s*\\.concat\\(");

    /** The values behind each {@code msg['prefix.'.concat(x)]}: the names of the enum x comes from. */
    private static final Map<String, List<String>> BUILT_KEY_VALUES = Map.ofEntries(
            Map.entry("activity.", names(Activity.values())),
            Map.entry("role.", Roles.ALL),
            Map.entry("status.", names(StandardStatus.values())),
            Map.entry("worklist.", org.jiliang.lims.order.Worklists.QUEUES),
            Map.entry("bench.work.", works("bloodpressure.ManualBpVerificationMethod",
                    "bloodpressure.AutomatedBpVerificationMethod", "check.IntermediateCheckMethod",
                    "dmm.MultimeterCalibrationMethod", "dmm.ResistorSubstitutionMethod",
                    "netcontent.NetContentInspectionMethod", "scale.ScaleVerificationMethod",
                    "weight.WeightCalibrationMethod")),
            Map.entry("state.", names(JobState.values())),
            Map.entry("type.", names(VerificationType.values())),
            Map.entry("verdict.", names(Verdict.values())),
            Map.entry("kind.", names(CertificateKind.values())),
            Map.entry("standing.", names(org.jiliang.lims.certificate.CertificateStanding.values())),
            Map.entry("reissue.state.", names(org.jiliang.lims.certificate.reissue.ReissueRun.State.values())),
            // the "due within" choices of My instruments (InstrumentListView.getDueWindows; 0 is "overdue")
            Map.entry("instruments.within", List.of("30", "60", "90")),
            Map.entry("tokens.scope.", names(org.jiliang.lims.personnel.ApiScope.values())),
            Map.entry("messages.kind.", names(org.jiliang.lims.notice.NoticeKind.values())),
            Map.entry("request.place.", names(org.jiliang.lims.request.ServiceRequest.Place.values())),
            // the request's state, or once accepted how far its jobs are (ServiceRequests.stage)
            Map.entry("request.stage.", List.of("SUBMITTED", "ACCEPTED", "IN_WORK", "COMPLETED", "DECLINED",
                    "CANCELLED")),
            Map.entry("request.service.", List.of("VERIFICATION", "CALIBRATION", "NONE")),
            Map.entry("due.window.", names(org.jiliang.lims.schedule.DueWindow.values())),
            Map.entry("import.state.", names(org.jiliang.lims.importing.ImportState.values())),
            Map.entry("figures.by.", names(org.jiliang.lims.schedule.ComplianceFigures.Grouping.values())),
            Map.entry("recall.kind.", names(org.jiliang.lims.schedule.RecallKind.values())),
            Map.entry("recall.mail.", names(org.jiliang.lims.platform.MailState.values())),
            Map.entry("instrument.status.", names(org.jiliang.lims.registry.InstrumentStatus.values())),
            Map.entry("reading.", names(ReadingStatus.values())),
            Map.entry("caseKind.", names(org.jiliang.lims.standard.check.StandardCase.Kind.values())),
            Map.entry("chainKind.", names(org.jiliang.lims.traceability.Traceability.LinkKind.values())),
            Map.entry("staffRole.", names(org.jiliang.lims.standard.record.StandardStaff.Role.values())),
            Map.entry("changeKind.", names(org.jiliang.lims.standard.record.StandardChange.Kind.values())),
            Map.entry("evaluationBasis.", names(org.jiliang.lims.standard.check.StandardEvaluation.Basis.values())),
            Map.entry("evaluationVerdict.", names(org.jiliang.lims.standard.check.AnnualEvaluation.Verdict.values())),
            Map.entry("changeState.", names(org.jiliang.lims.standard.record.StandardChange.State.values())),
            Map.entry("case.basis.", names(org.jiliang.lims.traceability.ImpactAssessment.Basis.values())),
            Map.entry("case.decision.", names(org.jiliang.lims.traceability.ImpactAssessment.Decision.values())),
            Map.entry("glance.", names(org.jiliang.lims.standard.check.StandardsAtAGlance.Flag.values())),
            Map.entry("assessment.", names(org.jiliang.lims.standard.AssessmentRule.State.values())),
            Map.entry("caseState.", names(org.jiliang.lims.standard.check.StandardCase.State.values())),
            Map.entry("checkOutcome.", names(org.jiliang.lims.standard.check.CheckOutcome.values())),
            Map.entry("chartKind.", names(org.jiliang.lims.standard.check.ChartKind.values())),
            Map.entry("criterion.", names(org.jiliang.lims.standard.check.CheckCriterion.values())),
            Map.entry("sig.", names(SignatureMeaning.values())),
            Map.entry("identity.", names(org.jiliang.lims.bench.IdentityVerdict.Kind.values())),
            Map.entry("identity.field.", List.of(org.jiliang.lims.bench.IdentityVerdict.SERIAL_NUMBER,
                    org.jiliang.lims.bench.IdentityVerdict.MODEL)),
            Map.entry("link.", List.of(org.jiliang.lims.bench.LinkState.CONNECTED, org.jiliang.lims.bench.LinkState.DOWN,
                    org.jiliang.lims.bench.LinkState.AGENT, org.jiliang.lims.bench.LinkState.UNKNOWN,
                    org.jiliang.lims.bench.LinkState.STOPPED)));

    private final Properties zh = bundle("zh");
    private final Properties en = bundle("en");

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        assertThat(en.stringPropertyNames()).as("keys missing in messages_en.properties")
                .containsAll(zh.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).as("keys missing in messages_zh.properties")
                .containsAll(en.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).allSatisfy(key -> {
            assertThat(zh.getProperty(key)).as("zh " + key).isNotBlank();
            assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
        });
    }

    @Test
    void everyKeyAPageNamesExistsInBothLanguages() throws IOException {
        Map<String, String> keys = new TreeMap<>(); // key -> first page that uses it
        for (Page page : pages()) {
            Matcher m = LITERAL_KEY.matcher(page.text());
            while (m.find()) {
                keys.putIfAbsent(m.group(1), page.name());
            }
        }

        assertThat(keys).as("literal msg['...'] lookups found in the pages").containsKey("app.title");
        assertThat(keys.keySet()).allSatisfy(key -> {
            assertThat(zh).as("messages_zh.properties, used in " + keys.get(key)).containsKey(key);
            assertThat(en).as("messages_en.properties, used in " + keys.get(key)).containsKey(key);
        });
    }

    @Test
    void everyKeyAPageBuildsFromAnEnumValueExistsInBothLanguages() throws IOException {
        TreeSet<String> prefixes = new TreeSet<>();
        for (Page page : pages()) {
            Matcher m = BUILT_KEY.matcher(page.text());
            while (m.find()) {
                prefixes.add(m.group(1));
            }
        }

        assertThat(prefixes).as("msg['prefix.'.concat(...)] lookups found in the pages").contains("status.")
                .allSatisfy(prefix -> assertThat(BUILT_KEY_VALUES)
                        .as("which enum the page's msg['%s'.concat(...)] takes its values from", prefix)
                        .containsKey(prefix));
        assertThat(prefixes).allSatisfy(prefix -> assertThat(BUILT_KEY_VALUES.get(prefix)).allSatisfy(value -> {
            assertThat(zh).as("messages_zh.properties").containsKey(prefix + value);
            assertThat(en).as("messages_en.properties").containsKey(prefix + value);
        }));
    }

    @Test
    void everyReadingStatusTheBenchShowsHasALabel() {
        assertThat(BUILT_KEY_VALUES.get("reading.")).allSatisfy(status -> {
            assertThat(zh).as("messages_zh.properties").containsKey("reading." + status);
            assertThat(en).as("messages_en.properties").containsKey("reading." + status);
        });
    }

    @Test
    void everyLookupInThePagesHasAFormThisTestChecks() throws IOException {
        List<String> unchecked = new ArrayList<>();
        for (Page page : pages()) {
            long lookups = LOOKUP.matcher(page.text()).results().count();
            long understood = LITERAL_KEY.matcher(page.text()).results().count()
                    + BUILT_KEY.matcher(page.text()).results().count();
            if (lookups != understood) {
                unchecked.add(page.name() + ": " + (lookups - understood) + " lookup(s) neither msg['key'] "
                        + "nor msg['prefix.'.concat(...)]");
            }
        }

        assertThat(unchecked).isEmpty();
    }

    @Test
    void theLegendStatesTheDueSoonWindowTheStandardsUse() {
        assertThat(zh.getProperty("standards.legend")).contains(StandardStatus.DUE_SOON_DAYS + " 天");
        assertThat(en.getProperty("standards.legend")).contains(StandardStatus.DUE_SOON_DAYS + " days");
    }

    private record Page(String name, String text) {
    }

    private static List<Page> pages() throws IOException {
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xhtml")).sorted().toList()) {
                pages.add(new Page(WEBAPP.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(pages).as("pages under " + WEBAPP.toAbsolutePath()).isNotEmpty();
        return pages;
    }

    private static Properties bundle(String language) {
        String name = "/org/jiliang/lims/web/messages_" + language + ".properties";
        try (InputStream in = WebMessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What each kind of job calls its work (MeasurementMethod.work), as the bench page looks it up. */
    private static List<String> works(String... methods) {
        return Arrays.stream(methods).map(m -> {
            try {
                var constructor = Class.forName("org.jiliang.lims.method." + m).getDeclaredConstructor();
                constructor.setAccessible(true);
                return ((org.jiliang.lims.order.MeasurementMethod) constructor.newInstance()).work();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(m + " cannot be made without the container", e);
            }
        }).distinct().toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
