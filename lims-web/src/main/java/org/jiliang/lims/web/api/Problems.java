package org.jiliang.lims.web.api;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jiliang.lims.platform.Messages;

/** Builds {@link Problem} answers, for JAX-RS exception mappers and for servlet filters alike. */
public final class Problems {

    /** Problem types are named by their message key: {@code urn:jiliang-lims:problem:error.job.wrongState}. */
    private static final String TYPE_PREFIX = "urn:jiliang-lims:problem:";

    private Problems() {
    }

    public static Problem of(int status, String key, String detail, String instance, Locale locale) {
        return new Problem(TYPE_PREFIX + key, title(status, locale), status, detail, instance, key, null);
    }

    /** A JAX-RS answer in the caller's language ({@code Accept-Language}, Chinese by default). */
    public static Response response(int status, String key, HttpHeaders headers, String instance,
            Object... arguments) {
        Locale locale = locale(headers);
        return response(of(status, key, Messages.format(locale, key, arguments), instance, locale));
    }

    /**
     * 400 for invalid input: every wrong member at once, each with its label and reason in the caller's
     * language; {@code detail} says them all in one sentence.
     */
    public static Response invalid(List<InputProblem> problems, HttpHeaders headers, String instance) {
        Locale locale = locale(headers);
        List<Problem.FieldProblem> errors = problems.stream().map(p -> p.say(locale)).toList();
        String separator = Messages.format(locale, "input.list.separator");
        String detail = Messages.format(locale, "error.validation", errors.stream()
                .map(e -> Messages.format(locale, "input.field", e.label(), e.message()))
                .collect(Collectors.joining(separator)));
        return response(new Problem(TYPE_PREFIX + "error.validation", title(400, locale), 400, detail, instance,
                "error.validation", errors));
    }

    private static Response response(Problem problem) {
        return Response.status(problem.status()).type(MediaType.valueOf(Problem.MEDIA_TYPE).withCharset("UTF-8"))
                .entity(problem).build();
    }

    /** The same answer written by a servlet filter, before JAX-RS is involved. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String key,
            Object... arguments) throws IOException {
        Locale locale = locale(request);
        Problem p = of(status, key, Messages.format(locale, key, arguments), request.getRequestURI(), locale);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(p));
        // the whole answer, sent and closed: the container must neither replace the body with its own error page
        // nor try to send an error of its own on a response already sent (Undertow logged UT010019 for each 401)
        response.getWriter().close();
    }

    /** A problem without member errors as JSON, for answers written outside JAX-RS. */
    public static String json(Problem p) {
        return Json.createObjectBuilder().add("type", p.type()).add("title", p.title()).add("status", p.status())
                .add("detail", p.detail()).add("instance", p.instance()).add("error", p.error()).build().toString();
    }

    /**
     * The language the user chose on the pages (the {@code lims-lang} cookie the language switch sets) for a
     * browser; else Chinese unless the caller prefers English.
     */
    public static Locale locale(HttpHeaders headers) {
        if (headers != null && headers.getCookies().get(LANGUAGE_COOKIE) != null) {
            return chosen(headers.getCookies().get(LANGUAGE_COOKIE).getValue());
        }
        return headers == null ? Messages.DEFAULT_LOCALE : headers.getAcceptableLanguages().stream()
                .filter(l -> !"*".equals(l.getLanguage())).findFirst()
                .map(l -> "en".equals(l.getLanguage()) ? Locale.ENGLISH : Messages.DEFAULT_LOCALE)
                .orElse(Messages.DEFAULT_LOCALE);
    }

    /** The caller's language from a servlet request: the language cookie, else {@code Accept-Language}. */
    public static Locale locale(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (var cookie : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    return chosen(cookie.getValue());
                }
            }
        }
        return locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The cookie the pages' language switch sets: {@code en} or {@code zh}. */
    public static final String LANGUAGE_COOKIE = "lims-lang";

    private static Locale chosen(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Messages.DEFAULT_LOCALE;
    }

    /** Chinese unless {@code Accept-Language} asks for English. */
    public static Locale locale(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Messages.DEFAULT_LOCALE;
    }

    private static String title(int status, Locale locale) {
        String key = "problem.title." + status;
        String title = Messages.format(locale, key);
        return title.equals(key) ? Messages.format(locale, "problem.title.other") : title;
    }
}
