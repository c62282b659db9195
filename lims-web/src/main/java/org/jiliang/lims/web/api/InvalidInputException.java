package org.jiliang.lims.web.api;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/**
 * A request body refused before it reached a resource method: unreadable (status 400, 413 or 415 with a
 * message key) or with members of the wrong type (400 with the list of them). Mapped by
 * {@link WebApplicationExceptionMapper} like every other refusal of the JAX-RS runtime.
 */
class InvalidInputException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] arguments;
    private final transient List<InputProblem> problems;

    /** The body as a whole cannot be read. */
    InvalidInputException(int status, String key, Object... arguments) {
        super(status);
        this.key = key;
        this.arguments = arguments.clone();
        this.problems = List.of();
    }

    /** Members of the body are of the wrong type or unknown. */
    InvalidInputException(List<InputProblem> problems) {
        super(400);
        this.key = "error.validation";
        this.arguments = new Object[0];
        this.problems = List.copyOf(problems);
    }

    String key() {
        return key;
    }

    Object[] arguments() {
        return arguments.clone();
    }

    List<InputProblem> problems() {
        return problems;
    }
}
