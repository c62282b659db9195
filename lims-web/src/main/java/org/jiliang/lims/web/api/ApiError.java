package org.jiliang.lims.web.api;

/** The body of every refused API call: a stable key for programs, a sentence for people. */
public record ApiError(String error, String message) {
}
