package org.jiliang.lims.web.api;

import java.util.List;

/**
 * The body of every refused or failed API call: RFC 9457 problem details. {@code error} (an extension
 * member) is the stable key a program tests; {@code detail} is the sentence a person reads, in the caller's
 * language (Chinese unless {@code Accept-Language} asks for English). Never a class name or a library's text.
 * {@code errors} (an extension member, only for invalid input) lists each wrong member of the request body:
 * its JSON path, its label and what is wrong, in the caller's language.
 */
public record Problem(String type, String title, int status, String detail, String instance, String error,
        List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One wrong member of a request: {@code field} as sent ({@code frames[2].value}), its label, the reason. */
    public record FieldProblem(String field, String label, String message) {
    }
}
