package org.jiliang.lims.web.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bean Validation refused a request body ({@code @Valid} on a resource method): 400 with every violation,
 * each with the member's label and the reason in the caller's language. The reason comes from our bundle
 * by the kind of constraint, never from the validator's own text, and never repeats the value sent.
 */
@Provider
public class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {

    private static final Logger LOG = Logger.getLogger(ValidationMapper.class.getName());

    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        String path = uri.getRequestUri().getRawPath();
        if (e.getConstraintViolations().stream().anyMatch(ValidationMapper::isOfTheAnswer)) {
            LOG.log(Level.SEVERE, "An answer broke its own constraints: " + path, e);
            return Problems.response(500, "error.server", headers, path);
        }
        List<InputProblem> problems = e.getConstraintViolations().stream()
                .map(ValidationMapper::problem).sorted(Comparator.comparing(InputProblem::field)).toList();
        return Problems.invalid(problems, headers, path);
    }

    private static boolean isOfTheAnswer(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static InputProblem problem(ConstraintViolation<?> v) {
        return new InputProblem(member(v.getPropertyPath()), key(v), arguments(v.getConstraintDescriptor()
                .getAnnotation()));
    }

    /** The member as the caller wrote it: {@code frames[2].value}; the method and parameter nodes left out. */
    static String member(Path path) {
        StringBuilder b = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.PROPERTY) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                b.append('[').append(node.getIndex()).append(']');
            }
            b.append(b.length() == 0 ? "" : ".").append(node.getName());
        }
        return b.toString();
    }

    private static String key(ConstraintViolation<?> v) {
        Annotation a = v.getConstraintDescriptor().getAnnotation();
        if (a instanceof Size) {
            return v.getInvalidValue() instanceof Collection<?> ? "validation.Size.list" : "validation.Size";
        }
        if (a instanceof DecimalMin d) {
            return d.inclusive() ? "validation.DecimalMin" : "validation.DecimalMin.exclusive";
        }
        if (a instanceof DecimalMax d) {
            return d.inclusive() ? "validation.DecimalMax" : "validation.DecimalMax.exclusive";
        }
        String name = a.annotationType().getSimpleName();
        return switch (name) {
            case "NotNull", "NotBlank", "NotEmpty", "Pattern", "Min", "Max", "Digits", "Positive",
                    "PositiveOrZero" -> "validation." + name;
            default -> "validation.other";
        };
    }

    /** The constraint's own bounds, as text (a number formatted by the locale would gain separators). */
    private static Object[] arguments(Annotation a) {
        if (a instanceof Size s) {
            return new Object[] {Integer.toString(s.min()), Integer.toString(s.max())};
        }
        if (a instanceof Min m) {
            return new Object[] {Long.toString(m.value())};
        }
        if (a instanceof Max m) {
            return new Object[] {Long.toString(m.value())};
        }
        if (a instanceof DecimalMin d) {
            return new Object[] {d.value()};
        }
        if (a instanceof DecimalMax d) {
            return new Object[] {d.value()};
        }
        if (a instanceof Digits d) {
            return new Object[] {Integer.toString(d.integer()), Integer.toString(d.fraction())};
        }
        return new Object[0];
    }
}
