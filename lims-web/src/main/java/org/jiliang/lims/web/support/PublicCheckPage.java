package org.jiliang.lims.web.support;

import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiliang.lims.certificate.CertificateStanding;
import org.jiliang.lims.certificate.PublicVerification;
import org.jiliang.lims.platform.ClockProducer;

/**
 * Fills the public check page's template: {@code {{msg:key}}} is a message of the chosen language,
 * {@code {{name}}} a value of the check, {@code {{#part}}…{{/part}}} a part shown only when it applies —
 * {@code genuine} or {@code unknown} (a certificate found or not), {@code revision} (it is a corrected revision),
 * {@code superseded} (a revision replaced it), {@code withdrawn}, {@code dcc} (a signed DCC can be downloaded). Every text is escaped for HTML; the page reflects
 * nothing the visitor typed, not even the token.
 */
final class PublicCheckPage {

    private static final Pattern SECTION = Pattern.compile("\\{\\{#(\\w+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("\\{\\{(msg:)?([\\w.]+)}}");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ResourceBundle messages;
    private final Locale locale;
    private final String contextPath;

    PublicCheckPage(ResourceBundle messages, Locale locale, String contextPath) {
        this.messages = messages;
        this.locale = locale;
        this.contextPath = contextPath;
    }

    String render(String template, PublicVerification result) {
        Map<String, String> values = new HashMap<>(Map.of("lang", locale.getLanguage(), "otherLang", otherLanguage(),
                "context", contextPath));
        Map<String, Boolean> parts = new HashMap<>(Map.of("genuine", result.genuine(), "unknown", !result.genuine(),
                "revision", result.revision() != null, "superseded", result.supersededBy() != null,
                "withdrawn", result.withdrawal() != null, "dcc", result.dcc()));
        if (result.genuine()) {
            values.putAll(Map.ofEntries(
                    Map.entry("number", result.number()),
                    Map.entry("kind", message("kind." + result.kind())),
                    Map.entry("conclusion", message("verify.conclusion." + result.kind())),
                    Map.entry("instrument", shown(result.instrument())),
                    Map.entry("manufacturerModel", shown(result.manufacturer()) + " · " + shown(result.model())),
                    Map.entry("serialNumber", shown(result.serialNumber())),
                    Map.entry("procedure", shown(result.procedure())),
                    Map.entry("issuedAt", minutes(result.issuedAt())),
                    Map.entry("validUntil", result.validUntil() == null ? "—" : result.validUntil().toString()),
                    Map.entry("validity", standing(result)),
                    Map.entry("validityClass", standingClass(result)),
                    Map.entry("issuer", shown(result.issuer())),
                    Map.entry("sha256", result.pdfSha256()),
                    Map.entry("token", result.token() == null ? "" : result.token())));
            if (result.revision() != null) {
                values.put("revisionText", format("verify.revision", result.revision().revision(),
                        result.revision().replaces(), result.revision().reason()));
            }
            if (result.supersededBy() != null) {
                values.put("successorNumber", result.supersededBy().number());
                values.put("successorToken", result.supersededBy().token());
            }
            if (result.withdrawal() != null) {
                values.put("withdrawalReason", result.withdrawal().reason());
            }
        }
        String kept = template;
        // a part may hold other parts: settle the outer ones, then what they kept
        for (Matcher sections = SECTION.matcher(kept); sections.find(); sections = SECTION.matcher(kept)) {
            StringBuilder next = new StringBuilder();
            do {
                Boolean shown = parts.get(sections.group(1));
                if (shown == null) {
                    throw new IllegalStateException("The public check page names an unknown part: "
                            + sections.group(1));
                }
                sections.appendReplacement(next, Matcher.quoteReplacement(shown ? sections.group(2) : ""));
            } while (sections.find());
            sections.appendTail(next);
            kept = next.toString();
        }
        Matcher fields = FIELD.matcher(kept);
        StringBuilder page = new StringBuilder();
        while (fields.find()) {
            String text = fields.group(1) != null ? message(fields.group(2)) : values.get(fields.group(2));
            if (text == null) {
                throw new IllegalStateException("The public check page names an unknown value: " + fields.group());
            }
            fields.appendReplacement(page, Matcher.quoteReplacement(Html.escaped(text)));
        }
        fields.appendTail(page);
        return page.toString();
    }

    /**
     * Where the certificate stands, first: withdrawn (when), superseded, expired; if it stands, its validity — a
     * calibration certificate states results, not a period of validity.
     */
    private String standing(PublicVerification result) {
        CertificateStanding standing = result.standing();
        return switch (standing) {
            case WITHDRAWN -> format("verify.standing.WITHDRAWN", minutes(result.withdrawal().withdrawnAt()));
            case SUPERSEDED -> message("verify.standing.SUPERSEDED");
            case EXPIRED -> format("verify.standing.EXPIRED", String.valueOf(result.validUntil()));
            case VALID -> message(noPeriod(result) ? "verify.noPeriod"
                    : result.currentlyValid() ? "verify.valid" : "verify.notValid");
        };
    }

    private static String standingClass(PublicVerification result) {
        if (result.standing() != CertificateStanding.VALID) {
            return "fail";
        }
        if (noPeriod(result)) {
            return "info";
        }
        return result.currentlyValid() ? "pass" : "fail";
    }

    private static boolean noPeriod(PublicVerification result) {
        return "CALIBRATION_CERTIFICATE".equals(result.kind());
    }

    /** To the minute with the institute's offset, e.g. 2026-12-04 09:41 UTC+08:00. */
    private static String minutes(LocalDateTime time) {
        return MINUTES.format(time) + " UTC"
                + ClockProducer.INSTITUTE_ZONE.getRules().getOffset(time).getId().replace("Z", "+00:00");
    }

    private static String shown(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private String otherLanguage() {
        return "en".equals(locale.getLanguage()) ? "zh" : "en";
    }

    private String message(String key) {
        return messages.getString(key);
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(message(key), locale).format(arguments);
    }
}
