package org.jiliang.lims.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiliang.lims.platform.Messages;
import org.junit.jupiter.api.Test;

/**
 * Every request body the API reads is validated where it enters: {@code @Valid} on the parameter, a length
 * on every text (that of its column), digits on every decimal, and a label for every member in both
 * languages, so a refusal names the member as a person knows it.
 */
class RequestBodyConstraintsTest {

    private static final List<Class<?>> RESOURCES = List.of(AccountResource.class, AgentResource.class,
            AuditResource.class, BenchAgentResource.class, BenchResource.class, CertificateResource.class,
            CustomerResource.class, DeviceResource.class, JobResource.class, ProcedureResource.class,
            RegistryResource.class, SetupResource.class, StandardCheckResource.class,
            StandardTraceResource.class, ImpactCaseResource.class, StandardRecordResource.class,
            StandardEvaluationResource.class, ReissueResource.class,
            ServiceRequestResource.class, ColleagueResource.class, MessageResource.class, ApiTokenResource.class,
            SystemTokenResource.class, IntegrityResource.class,
            CoverageResource.class);

    @Test
    void everyBodyParameterIsValidated() {
        List<String> unvalidated = new ArrayList<>();
        for (Parameter p : bodyParameters()) {
            if (!p.isAnnotationPresent(Valid.class)) {
                unvalidated.add(p.getDeclaringExecutable().getName());
            }
        }
        assertThat(bodyParameters()).hasSizeGreaterThan(10);
        assertThat(unvalidated).as("body parameters without @Valid").isEmpty();
    }

    @Test
    void everyTextHasALengthAndEveryDecimalItsDigits() {
        List<String> unbounded = new ArrayList<>();
        for (Class<?> body : bodyClasses()) {
            for (Field f : members(body)) {
                boolean bounded = f.getType() == String.class
                        ? f.isAnnotationPresent(Size.class) || f.isAnnotationPresent(Pattern.class)
                        : f.getType() != BigDecimal.class || f.isAnnotationPresent(Digits.class);
                if (!bounded) {
                    unbounded.add(body.getSimpleName() + "." + f.getName());
                }
            }
        }
        assertThat(unbounded).as("members without a bound").isEmpty();
    }

    @Test
    void everyMemberHasALabelInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (Class<?> body : bodyClasses()) {
            for (Field f : members(body)) {
                for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                    String key = "field." + f.getName();
                    if (Messages.format(locale, key).equals(key)) {
                        missing.add(key + " (" + locale + ")");
                    }
                }
            }
        }
        assertThat(missing).as("labels missing in messages_*.properties").isEmpty();
    }

    private static List<Parameter> bodyParameters() {
        List<Parameter> bodies = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            assertThat(resource).hasAnnotation(Path.class);
            for (Method m : resource.getDeclaredMethods()) {
                if (java.util.Arrays.stream(m.getAnnotations())
                        .noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    continue;
                }
                for (Parameter p : m.getParameters()) {
                    if (JsonBodyCheck.isRequestBody(p.getType())) {
                        bodies.add(p);
                    }
                }
            }
        }
        return bodies;
    }

    private static List<Class<?>> bodyClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (Parameter p : bodyParameters()) {
            if (!classes.contains(p.getType())) {
                classes.add(p.getType());
            }
        }
        classes.add(AgentResource.Frame.class);
        return classes;
    }

    private static List<Field> members(Class<?> body) {
        List<Field> fields = new ArrayList<>();
        for (Field f : body.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fields.add(f);
            }
        }
        return fields;
    }
}
