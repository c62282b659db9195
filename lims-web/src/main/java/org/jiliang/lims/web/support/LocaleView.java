package org.jiliang.lims.web.support;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jiliang.lims.web.api.Problems;

/**
 * The user's language for this session: Chinese unless they switch to English. The switch is a plain link to the
 * same address with {@code lang=en} or {@code lang=zh} added, so it keeps what the address says ({@code ?job=42});
 * the form post it replaces dropped it.
 */
@Named
@SessionScoped
public class LocaleView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String PARAMETER = "lang";

    private Locale locale = Locale.SIMPLIFIED_CHINESE;

    /** The session's language, switched first if this request asks for the other one. */
    public Locale getLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            String asked = faces.getExternalContext().getRequestParameterMap().get(PARAMETER);
            if ("en".equals(asked) || "zh".equals(asked)) {
                locale = "en".equals(asked) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
                // the API's answers to this browser (a refused download) speak the same language
                faces.getExternalContext().addResponseCookie(Problems.LANGUAGE_COOKIE, asked,
                        Map.of("path", faces.getExternalContext().getRequestContextPath() + "/", "httpOnly", true,
                                "maxAge", -1, "SameSite", "Lax"));
            }
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /**
     * This page's address in the other language: the parameters of the address, or after a form post the page's
     * view parameters, with {@code lang} set to the other language.
     */
    public String getSwitchHref() {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        Map<String, String> parameters = new LinkedHashMap<>();
        if ("GET".equals(request.getMethod())) {
            parameters.putAll(queryParameters(request.getQueryString()));
        } else {
            UIViewRoot view = faces.getViewRoot();
            for (var parameter : ViewMetadata.getViewParameters(view)) {
                String value = parameter.getStringValue(faces);
                if (value != null && !value.isEmpty()) {
                    parameters.put(parameter.getName(), value);
                }
            }
        }
        parameters.remove(PARAMETER);
        parameters.put(PARAMETER, "zh".equals(getLanguage()) ? "en" : "zh");
        return request.getRequestURI() + "?" + parameters.entrySet().stream()
                .map(e -> encoded(e.getKey()) + "=" + encoded(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
