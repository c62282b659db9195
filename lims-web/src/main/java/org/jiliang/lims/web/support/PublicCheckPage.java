package org.jiliang.lims.web.support;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiliang.lims.certificate.PublicVerification;
import org.jiliang.lims.platform.ClockProducer;

/**
 * Fills the public check page's template: {@code {{msg:key}}} is a message of the chosen language,
 * {@code {{name}}} a value of the check, {@code {{#genuine}}…{{/genuine}}} and {@code {{#unknown}}…{{/unknown}}}
 * the parts shown for a certificate found or not. Every text is escaped for HTML; the page reflects nothing the
 * visitor typed, not even the token.
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
        Map<String, String> values = result.genuine() ? Map.ofEntries(
                Map.entry("number", result.number()),
                Map.entry("kind", message("kind." + result.kind())),
                Map.entry("conclusion", message("verify.conclusion." + result.kind())),
                Map.entry("instrument", shown(result.instrument()) + " · " + shown(result.serialNumber())),
                Map.entry("issuedAt", MINUTES.format(result.issuedAt()) + " UTC"
                        + ClockProducer.INSTITUTE_ZONE.getRules().getOffset(result.issuedAt()).getId()
                                .replace("Z", "+00:00")),
                Map.entry("validUntil", result.validUntil() == null ? "—" : result.validUntil().toString()),
                Map.entry("validity", message(validity(result))),
                Map.entry("validityClass", validityClass(result)),
                Map.entry("issuer", shown(result.issuer())),
                Map.entry("sha256", result.pdfSha256()),
                Map.entry("lang", locale.getLanguage()),
                Map.entry("otherLang", otherLanguage()),
                Map.entry("context", contextPath))
                : Map.of("lang", locale.getLanguage(), "otherLang", otherLanguage(), "context", contextPath);
        Matcher sections = SECTION.matcher(template);
        StringBuilder kept = new StringBuilder();
        while (sections.find()) {
            boolean shown = "genuine".equals(sections.group(1)) == result.genuine();
            sections.appendReplacement(kept, Matcher.quoteReplacement(shown ? sections.group(2) : ""));
        }
        sections.appendTail(kept);
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

    /** A calibration certificate states results, not a period of validity: the page says so instead. */
    private static String validity(PublicVerification result) {
        if ("CALIBRATION_CERTIFICATE".equals(result.kind())) {
            return "verify.noPeriod";
        }
        return result.currentlyValid() ? "verify.valid" : "verify.notValid";
    }

    private static String validityClass(PublicVerification result) {
        if ("CALIBRATION_CERTIFICATE".equals(result.kind())) {
            return "info";
        }
        return result.currentlyValid() ? "pass" : "fail";
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
}
