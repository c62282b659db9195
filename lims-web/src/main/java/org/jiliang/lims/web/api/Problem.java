package org.jiliang.lims.web.api;

/**
 * The body of every refused or failed API call: RFC 9457 problem details. {@code error} (an extension
 * member) is the stable key a program tests; {@code detail} is the sentence a person reads, in the caller's
 * language (Chinese unless {@code Accept-Language} asks for English). Never a class name or a library's text.
 */
public record Problem(String type, String title, int status, String detail, String instance, String error) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
