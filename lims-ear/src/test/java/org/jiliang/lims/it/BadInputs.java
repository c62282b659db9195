package org.jiliang.lims.it;

import jakarta.json.Json;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Generates JSON bodies for the API fuzz test from the Java types of the request bodies: a plausible body
 * (each member a value its type and its Bean Validation constraints accept, as far as they say), and bad
 * variants of it, each wrong in one member only, so that every refusal can be traced to one member.
 */
final class BadInputs {

    /** A body with one member made wrong: {@code member} is the JSON path, {@code json} the whole body. */
    record Variant(String member, String what, String json) {
    }

    private static final String LONG_TEXT = "长".repeat(100_000);

    private BadInputs() {
    }

    /** The plausible body of a type, as JSON text. */
    static String plausible(Class<?> type, Type generic) {
        return value(type, generic, type);
    }

    /** One variant per member and kind of bad value, nested members (the first element of a list) included. */
    static List<Variant> variants(Class<?> type, Type generic) {
        List<Variant> out = new ArrayList<>();
        variants(type, generic, "", json -> json, out);
        return out;
    }

    private static void variants(Class<?> type, Type generic, String prefix, Function<String, String> wrap,
            List<Variant> out) {
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = elementType(generic);
            String one = plausible(element, element);
            for (var bad : listValues(one)) {
                out.add(new Variant(prefix, bad.getKey(), wrap.apply(bad.getValue())));
            }
            if (isObject(element)) {
                variants(element, element, prefix + "[0]", json -> wrap.apply("[" + json + "]"), out);
            }
            return;
        }
        Map<String, Member> members = members(type);
        for (var m : members.entrySet()) {
            String path = prefix.isEmpty() ? m.getKey() : prefix + "." + m.getKey();
            Member member = m.getValue();
            for (var bad : badValues(member).entrySet()) {
                out.add(new Variant(path, bad.getKey(), wrap.apply(object(type, m.getKey(), bad.getValue()))));
            }
            if (Collection.class.isAssignableFrom(member.type) || isObject(member.type)) {
                String name = m.getKey();
                variants(member.type, member.generic, path, json -> wrap.apply(object(type, name, json)), out);
            }
        }
    }

    /** The plausible object of {@code type} with member {@code name} replaced by raw JSON. */
    private static String object(Class<?> type, String name, String rawJson) {
        StringBuilder b = new StringBuilder("{");
        for (var m : members(type).entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(Json.createValue(m.getKey())).append(':')
                    .append(m.getKey().equals(name) ? rawJson : value(m.getValue().type, m.getValue().generic,
                            m.getValue().annotations));
        }
        return b.append('}').toString();
    }

    private record Member(Class<?> type, Type generic, AnnotatedElement annotations) {
    }

    private static Map<String, Member> members(Class<?> type) {
        Map<String, Member> members = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                members.put(c.getName(), new Member(c.getType(), c.getGenericType(), c.getAccessor()));
            }
            return members;
        }
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                members.put(f.getName(), new Member(f.getType(), f.getGenericType(), f));
            }
        }
        return members;
    }

    private static boolean isObject(Class<?> type) {
        return !type.isPrimitive() && !type.isEnum() && !type.getName().startsWith("java.");
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return String.class;
    }

    /** A value the member's type and constraints accept, as JSON text. */
    private static String value(Class<?> type, Type generic, AnnotatedElement a) {
        if (type == String.class) {
            return Json.createValue(text(a)).toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (isIntegral(type)) {
            Min min = a.getAnnotation(Min.class);
            Max max = a.getAnnotation(Max.class);
            if (min != null) {
                return Long.toString(min.value());
            }
            if (max != null) {
                return Long.toString(Math.min(max.value(), 1));
            }
            // an id or a version no record has: refused by the service, never changes anything
            return type == long.class || type == Long.class ? "987654321" : "1";
        }
        if (type == BigDecimal.class) {
            return decimal(a).toPlainString();
        }
        if (type.isEnum()) {
            return Json.createValue(((Enum<?>) type.getEnumConstants()[0]).name()).toString();
        }
        if (type == LocalDate.class) {
            return "\"2099-01-01\"";
        }
        if (type == Instant.class) {
            return "\"2026-01-01T00:00:00Z\"";
        }
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = elementType(generic);
            return "[" + value(element, element, element) + "]";
        }
        return object(type, null, null);
    }

    private static String text(AnnotatedElement a) {
        Size size = a.getAnnotation(Size.class);
        int min = size == null ? 1 : Math.max(size.min(), 1);
        Pattern pattern = a.getAnnotation(Pattern.class);
        if (pattern != null) {
            String sample = RegexSample.of(pattern.regexp());
            if (sample != null) {
                return sample;
            }
        }
        return "x".repeat(min);
    }

    private static BigDecimal decimal(AnnotatedElement a) {
        BigDecimal min = a.getAnnotation(DecimalMin.class) != null
                ? new BigDecimal(a.getAnnotation(DecimalMin.class).value())
                : a.getAnnotation(Min.class) != null ? BigDecimal.valueOf(a.getAnnotation(Min.class).value()) : null;
        BigDecimal max = a.getAnnotation(DecimalMax.class) != null
                ? new BigDecimal(a.getAnnotation(DecimalMax.class).value())
                : a.getAnnotation(Max.class) != null ? BigDecimal.valueOf(a.getAnnotation(Max.class).value()) : null;
        Digits digits = a.getAnnotation(Digits.class);
        BigDecimal v = min != null && max != null ? min.add(max).divide(BigDecimal.valueOf(2))
                : min != null ? min.add(BigDecimal.ONE) : max != null ? max.subtract(BigDecimal.ONE) : BigDecimal.ONE;
        return digits == null ? v : v.setScale(Math.min(v.scale(), digits.fraction()), RoundingMode.HALF_UP);
    }

    private static boolean isIntegral(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class;
    }

    /** Bad values for one member, by kind, as raw JSON text (some deliberately not JSON at all). */
    private static Map<String, String> badValues(Member m) {
        Map<String, String> bad = new LinkedHashMap<>();
        Class<?> type = m.type;
        if (type == String.class) {
            bad.put("a number", "12345");
            bad.put("a boolean", "true");
            bad.put("an object", "{}");
            bad.put("an array", "[\"x\"]");
            bad.put("blank", "\"   \"");
            Size size = m.annotations.getAnnotation(Size.class);
            if (size != null && size.max() < 100_000) {
                bad.put("one character longer than allowed", Json.createValue("X".repeat(size.max() + 1)).toString());
            }
            bad.put("100 000 characters", Json.createValue(LONG_TEXT).toString());
            bad.put("control characters", "\"a\\u0000b\\u001b[2J\"");
        } else if (isIntegral(type)) {
            bad.put("a string", "\"12\"");
            bad.put("a fraction", "1.5");
            bad.put("above int", "2147483648");
            bad.put("above long", "9223372036854775808");
            bad.put("below long", "-9223372036854775809");
            bad.put("negative", "-1");
            bad.put("a huge exponent", "1e999999999");
            bad.put("a boolean", "true");
            bad.put("an object", "{}");
            if (type.isPrimitive()) {
                bad.put("null", "null");
            }
        } else if (type == BigDecimal.class) {
            bad.put("a string", "\"12\"");
            bad.put("a huge exponent", "1e999999999");
            bad.put("a huge negative exponent", "-1e999999999");
            bad.put("a tiny exponent", "1e-999999999");
            bad.put("too many digits", "123456789012345678901234567890.123456789012");
            bad.put("far below any bound", "-99999");
            bad.put("far above any bound", "99999");
            bad.put("NaN (not JSON)", "NaN");
            bad.put("the string NaN", "\"NaN\"");
            bad.put("a boolean", "true");
            bad.put("an array", "[1]");
        } else if (type == boolean.class || type == Boolean.class) {
            bad.put("a string", "\"true\"");
            bad.put("a number", "1");
            bad.put("an object", "{}");
        } else if (type.isEnum()) {
            bad.put("an unknown constant", "\"NO_SUCH_CONSTANT\"");
            bad.put("lower case", Json.createValue(((Enum<?>) type.getEnumConstants()[0]).name()
                    .toLowerCase(java.util.Locale.ROOT)).toString());
            bad.put("a number", "1");
            bad.put("empty", "\"\"");
            bad.put("an object", "{}");
        } else if (type == LocalDate.class) {
            bad.put("month 13", "\"2026-13-45\"");
            bad.put("a word", "\"yesterday\"");
            bad.put("a number", "20260101");
            bad.put("year 999999999", "\"+999999999-12-31\"");
            bad.put("year -999999999", "\"-999999999-01-01\"");
            bad.put("an instant", "\"2026-01-01T00:00:00Z\"");
        } else if (type == Instant.class) {
            bad.put("a word", "\"yesterday\"");
            bad.put("year 1000000000", "\"+1000000000-01-01T00:00:00Z\"");
            bad.put("a number", "1");
            bad.put("a date", "\"2026-01-01\"");
        } else if (Collection.class.isAssignableFrom(type)) {
            bad.put("an object", "{}");
            bad.put("a string", "\"x\"");
        } else {
            bad.put("a string", "\"x\"");
            bad.put("an array", "[]");
            bad.put("a number", "1");
        }
        return bad;
    }

    private static List<Map.Entry<String, String>> listValues(String element) {
        List<Map.Entry<String, String>> bad = new ArrayList<>();
        bad.add(Map.entry("not a list", "{}"));
        bad.add(Map.entry("a null element", "[null]"));
        bad.add(Map.entry("a number element", "[1]"));
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 5001; i++) {
            many.append(i == 0 ? "" : ",").append(element);
        }
        bad.add(Map.entry("5001 elements", many.append(']').toString()));
        return bad;
    }

    /**
     * A string a simple regular expression matches: character classes, literals and quantifiers, the kind a
     * code pattern is written in. Null for anything fancier (groups, alternatives).
     */
    static final class RegexSample {

        private RegexSample() {
        }

        static String of(String regex) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < regex.length()) {
                char c = regex.charAt(i);
                char pick;
                if (c == '[') {
                    int end = classEnd(regex, i);
                    if (end < 0) {
                        return null;
                    }
                    pick = pick(regex.substring(i + 1, end));
                    i = end + 1;
                } else if (c == '\\' && i + 1 < regex.length()) {
                    char e = regex.charAt(i + 1);
                    pick = e == 'd' ? '0' : e == 'w' ? 'a' : e == 's' ? ' ' : e;
                    i += 2;
                } else if (c == '(' || c == ')' || c == '|' || c == '^' || c == '$') {
                    return null;
                } else {
                    pick = c == '.' ? 'a' : c;
                    i++;
                }
                int count = 1;
                if (i < regex.length()) {
                    char q = regex.charAt(i);
                    if (q == '{') {
                        int end = regex.indexOf('}', i);
                        count = Integer.parseInt(regex.substring(i + 1, end).split(",")[0].strip());
                        i = end + 1;
                    } else if (q == '?' || q == '*') {
                        count = 0;
                        i++;
                    } else if (q == '+') {
                        i++;
                    }
                }
                out.append(String.valueOf(pick).repeat(count));
            }
            String sample = out.toString();
            return java.util.regex.Pattern.matches(regex, sample) ? sample : null;
        }

        private static int classEnd(String regex, int start) {
            int depth = 0;
            for (int i = start; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static char pick(String characterClass) {
            String plain = characterClass.split("&&")[0];
            if (plain.startsWith("^")) {
                return 'a';
            }
            // prefer a letter or digit: a code reads better than a space
            for (int i = 0; i < plain.length(); i++) {
                if (Character.isLetterOrDigit(plain.charAt(i))) {
                    return plain.charAt(i);
                }
            }
            return plain.charAt(0) == '\\' ? plain.charAt(1) : plain.charAt(0);
        }
    }
}
