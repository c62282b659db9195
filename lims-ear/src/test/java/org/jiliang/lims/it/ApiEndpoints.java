package org.jiliang.lims.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The REST API as its own classes declare it: every resource method of {@code org.jiliang.lims.web.api}, found
 * by reading the JAX-RS annotations of the web module's classes (lims-web-classes.jar), so a new endpoint is
 * tested the day it is written.
 */
final class ApiEndpoints {

    private static final String API_PACKAGE = "org/jiliang/lims/web/api/";
    private static final Set<Class<? extends Annotation>> NOT_AN_ENTITY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class,
            Suspended.class);

    /** A path or query parameter with its Java type. */
    record Param(String name, Class<?> type) {
    }

    /**
     * One endpoint: method, path template under the context root ({@code /api/v1/jobs/{id}/environment}), the
     * type of its JSON body (null if it takes none), whether a bench agent's bearer token authenticates it
     * and whether it answers with a server-sent event stream.
     */
    record Endpoint(String method, String path, Class<?> bodyType, Type bodyGenericType, List<Param> pathParams,
            List<Param> queryParams, boolean bearerToken, boolean eventStream, String consumes) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ApiEndpoints() {
    }

    static List<Endpoint> discover() {
        List<Class<?>> classes = apiClasses();
        String root = classes.stream().filter(c -> c.isAnnotationPresent(ApplicationPath.class)).findFirst()
                .map(c -> c.getAnnotation(ApplicationPath.class).value())
                .orElseThrow(() -> new AssertionError("no @ApplicationPath in " + API_PACKAGE));
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : classes) {
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : resource.getMethods()) {
                String httpMethod = httpMethod(m);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = m.getAnnotation(Path.class);
                String path = join("/" + root, classPath.value(), methodPath == null ? "" : methodPath.value());
                endpoints.add(endpoint(resource, m, httpMethod, path));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static Endpoint endpoint(Class<?> resource, Method m, String httpMethod, String path) {
        List<Param> pathParams = new ArrayList<>();
        List<Param> queryParams = new ArrayList<>();
        Class<?> body = null;
        Type bodyGeneric = null;
        boolean bearer = false;
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(PathParam.class)) {
                pathParams.add(new Param(p.getAnnotation(PathParam.class).value(), p.getType()));
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                queryParams.add(new Param(p.getAnnotation(QueryParam.class).value(), p.getType()));
            } else if (p.isAnnotationPresent(HeaderParam.class)) {
                bearer |= HttpHeaders.AUTHORIZATION.equalsIgnoreCase(p.getAnnotation(HeaderParam.class).value());
            } else if (Arrays.stream(p.getAnnotations()).noneMatch(a -> NOT_AN_ENTITY.contains(a.annotationType()))) {
                body = p.getType();
                bodyGeneric = p.getParameterizedType();
            }
        }
        Produces produces = m.isAnnotationPresent(Produces.class) ? m.getAnnotation(Produces.class)
                : resource.getAnnotation(Produces.class);
        boolean sse = produces != null && Arrays.asList(produces.value()).contains(MediaType.SERVER_SENT_EVENTS);
        Consumes consumes = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return new Endpoint(httpMethod, path, body, bodyGeneric, pathParams, queryParams, bearer, sse,
                consumes == null ? null : consumes.value()[0]);
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            for (String segment : part.split("/")) {
                if (!segment.isEmpty()) {
                    // a template may carry a regular expression: {id: \d+}
                    b.append('/').append(segment.replaceAll("\\{\\s*(\\w+)\\s*:.*}", "{$1}"));
                }
            }
        }
        return b.toString();
    }

    /** The classes of the API package, read from the jar (or folder) the package's application class came from. */
    private static List<Class<?>> apiClasses() {
        ClassLoader loader = ApiEndpoints.class.getClassLoader();
        var resource = loader.getResource(API_PACKAGE + "LimsApi.class");
        if (resource == null) {
            throw new AssertionError("lims-web-classes.jar is not on the test class path");
        }
        List<String> names = new ArrayList<>();
        try {
            if ("jar".equals(resource.getProtocol())) {
                String jar = resource.getPath().substring("file:".length(), resource.getPath().indexOf('!'));
                try (JarFile file = new JarFile(new File(new java.net.URI("file:" + jar)))) {
                    file.stream().map(e -> e.getName()).filter(n -> n.startsWith(API_PACKAGE) && n.endsWith(".class")
                            && n.indexOf('/', API_PACKAGE.length()) < 0).forEach(names::add);
                }
            } else {
                File dir = new File(resource.toURI()).getParentFile();
                for (String n : dir.list()) {
                    if (n.endsWith(".class")) {
                        names.add(API_PACKAGE + n);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            try {
                classes.add(Class.forName(n.substring(0, n.length() - ".class".length()).replace('/', '.'), false,
                        loader));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(n, e);
            }
        }
        return classes;
    }
}
