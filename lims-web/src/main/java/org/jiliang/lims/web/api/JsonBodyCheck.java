package org.jiliang.lims.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jiliang.lims.platform.InputLimits;

/**
 * Strict types for every JSON body the API reads, before JSON-B binds it. Left to itself, Yasson turns the
 * number 12345 into the code "12345", a string "12" into a number, and answers an unknown enum constant,
 * a wrong type or malformed JSON with a {@code ProcessingException} that carries its own text. Here the body
 * is read once (at most {@link #MAX_BYTES}, UTF-8, nested at most {@link #MAX_DEPTH} deep), parsed with
 * JSON-P and compared with the public fields of the body's class: a string only where a {@code String}
 * is, a whole number within its Java type where an integer is, a number of sane size where a
 * {@code BigDecimal} is, a known constant where an enum is, no member the class does not have. Every
 * mismatch is listed in one 400 problem; only a body that passes is handed on to JSON-B, and then Bean
 * Validation ({@code @Valid}) checks the values.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    /** The largest body: a full batch of a bench agent (500 frames) is a fraction of it. */
    static final int MAX_BYTES = 1 << 20;
    /** Our bodies are at most three levels deep (a batch, its frames, a frame's members). */
    static final int MAX_DEPTH = 16;
    /** Digits a number may have before and after the point before anything looks at it. */
    private static final int MAX_NUMBER_DIGITS = 30;
    private static final int MAX_PROBLEMS = 20;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<Class<?>, long[]> INTEGER_RANGES = Map.of(
            int.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
            Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE});

    /**
     * Request property set while JSON-B binds a checked body: a failure then is a gap in this check (the
     * caller still sent bad input: 400), not a server error.
     */
    static final String BINDING = JsonBodyCheck.class.getName() + ".binding";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isRequestBody(context.getType())) {
            return context.proceed();
        }
        MediaType type = context.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw new InvalidInputException(415, "error.api.unsupportedMediaType", shorten(type.toString()));
        }
        byte[] bytes = readAtMost(context.getInputStream(), MAX_BYTES);
        String text = utf8(bytes);
        if (text.isBlank()) {
            return null; // no body: a resource method that needs one says so (@NotNull)
        }
        requireDepthAtMost(text, MAX_DEPTH);
        JsonValue json;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            json = parser.getValue();
            if (parser.hasNext()) {
                // a second document or stray characters after the first: JSON-B would quietly ignore them
                var at = parser.getLocation();
                throw new InvalidInputException(400, "error.input.malformed", Long.toString(at.getLineNumber()),
                        Long.toString(at.getColumnNumber()));
            }
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new InvalidInputException(400, "error.input.malformed", at == null ? "?" : Long.toString(at.getLineNumber()),
                    at == null ? "?" : Long.toString(at.getColumnNumber()));
        } catch (JsonException | IllegalStateException | NumberFormatException | java.util.NoSuchElementException e) {
            throw new InvalidInputException(400, "error.input.malformed", "?", "?");
        }
        List<InputProblem> problems = typeProblems(json, context.getType(), context.getGenericType());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        context.setInputStream(new ByteArrayInputStream(bytes));
        context.setProperty(BINDING, Boolean.TRUE);
        try {
            return context.proceed();
        } finally {
            context.removeProperty(BINDING);
        }
    }

    /** Our own body classes: the public static classes of the resources. */
    static boolean isRequestBody(Class<?> type) {
        return type.getPackageName().equals(JsonBodyCheck.class.getPackageName());
    }

    /** Every member of the JSON value whose type does not fit the class (at most 20 of them). */
    static List<InputProblem> typeProblems(JsonValue json, Class<?> type, Type generic) {
        List<InputProblem> problems = new ArrayList<>();
        check(json, type, generic, "", problems);
        return problems;
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > max) {
                throw new InvalidInputException(413, "error.input.tooLarge", Integer.toString(max));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(400, "error.input.encoding");
        }
    }

    /** Counted on the text, before a parser could recurse into it. */
    private static void requireDepthAtMost(String text, int max) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > max) {
                    throw new InvalidInputException(400, "error.input.tooDeep", Integer.toString(max));
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
    }

    private static void check(JsonValue value, Class<?> type, Type generic, String path, List<InputProblem> out) {
        if (out.size() >= MAX_PROBLEMS) {
            return;
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (type.isPrimitive()) {
                out.add(new InputProblem(path, "input.required"));
            }
            return;
        }
        if (type == String.class) {
            if (!(value instanceof JsonString text)) {
                out.add(new InputProblem(path, "input.type.string"));
            } else if (text.getString().indexOf('\u0000') >= 0) {
                out.add(new InputProblem(path, "input.nul")); // no database column can hold it (PostgreSQL)
            }
        } else if (INTEGER_RANGES.containsKey(type)) {
            long[] range = INTEGER_RANGES.get(type);
            if (!(value instanceof JsonNumber n) || !InputLimits.fits(n.bigDecimalValue(), 19, 0)
                    || n.bigDecimalValue().compareTo(BigDecimal.valueOf(range[0])) < 0
                    || n.bigDecimalValue().compareTo(BigDecimal.valueOf(range[1])) > 0) {
                out.add(new InputProblem(path, "input.type.integer", Long.toString(range[0]), Long.toString(range[1])));
            }
        } else if (type == BigDecimal.class || type == double.class || type == Double.class) {
            if (!(value instanceof JsonNumber n)) {
                out.add(new InputProblem(path, "input.type.number"));
            } else if (!InputLimits.fits(n.bigDecimalValue(), MAX_NUMBER_DIGITS, MAX_NUMBER_DIGITS)) {
                out.add(new InputProblem(path, "input.type.numberTooLarge"));
            }
        } else if (type == boolean.class || type == Boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                out.add(new InputProblem(path, "input.type.boolean"));
            }
        } else if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            if (!(value instanceof JsonString s) || !names.contains(s.getString())) {
                out.add(new InputProblem(path, "input.type.enum", String.join(", ", names)));
            }
        } else if (type == LocalDate.class) {
            if (!(value instanceof JsonString s) || !isDate(s.getString())) {
                out.add(new InputProblem(path, "input.type.date"));
            }
        } else if (type == Instant.class) {
            if (!(value instanceof JsonString s) || !isInstant(s.getString())) {
                out.add(new InputProblem(path, "input.type.string"));
            }
        } else if (Collection.class.isAssignableFrom(type)) {
            if (!(value instanceof JsonArray array)) {
                out.add(new InputProblem(path, "input.type.list"));
                return;
            }
            Type element = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            Class<?> elementClass = element instanceof Class<?> c ? c
                    : element instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
            for (int i = 0; i < array.size() && out.size() < MAX_PROBLEMS; i++) {
                check(array.get(i), elementClass, element, path + "[" + i + "]", out);
            }
        } else if (Map.class.isAssignableFrom(type)) {
            // a map of names to values (an instrument's parameters): an object whose members all fit the value type
            if (!(value instanceof JsonObject object)) {
                out.add(new InputProblem(path, "input.type.object"));
                return;
            }
            Type element = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            Class<?> elementClass = element instanceof Class<?> c ? c : Object.class;
            for (var entry : object.entrySet()) {
                if (out.size() >= MAX_PROBLEMS) {
                    break;
                }
                check(entry.getValue(), elementClass, element, path + "." + entry.getKey(), out);
            }
        } else if (isRequestBody(type)) {
            if (!(value instanceof JsonObject object)) {
                out.add(new InputProblem(path, "input.type.object"));
                return;
            }
            Map<String, Member> members = members(type);
            for (var entry : object.entrySet()) {
                String memberPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                Member m = members.get(entry.getKey());
                if (m == null) {
                    out.add(new InputProblem(memberPath, "input.unknownMember"));
                } else {
                    check(entry.getValue(), m.type(), m.generic(), memberPath, out);
                }
                if (out.size() >= MAX_PROBLEMS) {
                    return;
                }
            }
        }
    }

    private record Member(Class<?> type, Type generic) {
    }

    /** What JSON-B binds: the public fields of our body classes, or the components of a record. */
    private static Map<String, Member> members(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).collect(Collectors.toMap(RecordComponent::getName,
                    c -> new Member(c.getType(), c.getGenericType()), (a, b) -> a, LinkedHashMap::new));
        }
        Map<String, Member> members = new LinkedHashMap<>();
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                members.put(f.getName(), new Member(f.getType(), f.getGenericType()));
            }
        }
        return members;
    }

    private static boolean isDate(String text) {
        try {
            int year = LocalDate.parse(text, DATE).getYear();
            return year >= 1000 && year <= 9999;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
