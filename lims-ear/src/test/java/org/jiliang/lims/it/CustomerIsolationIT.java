package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.jiliang.lims.it.ApiEndpoints.Endpoint;
import org.jiliang.lims.it.ApiEndpoints.Param;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "whose is it?" over the whole API at once: another customer (customer2 of C0002) tries every path of the
 * API as the web module declares it (found by {@link ApiEndpoints}, so a path added tomorrow is tried tomorrow) with
 * the identifiers of the demo customer C0001 — its certificates' numbers, its requests' numbers, the ids of its
 * instruments, messages, notices and letters, and every id and number around them — and searches every list for
 * them: at least 10 000 attempts, and not one answer carries C0001's data. The public check, which answers to the
 * unguessable token alone, and the bench agents' paths, which answer to a device token, are not customer paths.
 */
class CustomerIsolationIT {

    private static final int ATTEMPTS = 10_000;

    @Test
    void tenThousandAttemptsOnAnotherCustomersDataAndNoneSucceeds() {
        // what C0001 has, as its own user sees it
        LimsApi owner = LimsApi.as("customer");
        BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        String request = ServiceRequestIT.book(owner, ServiceRequestIT.bookable("C0001", 1),
                ItDay.TODAY.plusDays(3), "LAB", null).getString("number");
        List<JsonObject> certificates = owner.get("/api/v1/certificates?max=1000").rows().getValuesAs(JsonObject.class);
        List<JsonObject> instruments = owner.get("/api/v1/instruments?max=1000").rows().getValuesAs(JsonObject.class);
        Set<String> numbers = new LinkedHashSet<>();
        certificates.forEach(c -> numbers.add(c.getString("number")));
        numbers.add(request);
        Set<Long> ids = new LinkedHashSet<>();
        instruments.forEach(i -> ids.add(i.getJsonNumber("id").longValue()));
        for (String list : List.of("/api/v1/messages?max=200", "/api/v1/impact-notices?max=200", "/api/v1/recall/letters?max=200",
                "/api/v1/requests?max=200")) {
            var reply = owner.get(list);
            assertThat(reply.status()).as(list).isEqualTo(200);
            reply.object().getJsonArray("rows").getValuesAs(JsonObject.class).stream().filter(r -> r.containsKey("id"))
                    .forEach(r -> ids.add(r.getJsonNumber("id").longValue()));
        }
        // what would betray C0001 in an answer: its name, code, address, mail, serial numbers, certificate numbers
        Set<String> markers = new LinkedHashSet<>(List.of("华东食品", "C0001", "huadong-food", "兴业路"));
        instruments.forEach(i -> markers.add(i.getString("serialNumber")));
        markers.addAll(numbers);
        assertThat(numbers).hasSizeGreaterThan(1);

        // the numbers and ids around them: the next and the previous of each series
        Set<String> guessedNumbers = new LinkedHashSet<>(numbers);
        for (String n : numbers) {
            guessedNumbers.addAll(neighbours(n));
        }
        List<Long> guessedIds = new ArrayList<>(ids);
        LongStream.rangeClosed(1, 400).forEach(guessedIds::add);

        LimsApi other = LimsApi.as("customer2");
        List<String> leaks = new ArrayList<>();
        int attempts = 0;
        List<Endpoint> endpoints = ApiEndpoints.discover().stream()
                .filter(e -> !e.path().startsWith("/api/v1/public/") && !e.path().startsWith("/api/v1/agent/")
                        && !e.bearerToken() && !e.eventStream())
                .filter(e -> e.method().equals("GET") || e.method().equals("POST") && !e.pathParams().isEmpty())
                .toList();
        while (attempts < ATTEMPTS) {
            int before = attempts;
            for (Endpoint e : endpoints) {
                for (String url : urls(e, guessedNumbers, guessedIds, markers)) {
                    var reply = e.method().equals("GET") ? other.get(url) : other.post(url, "{}");
                    attempts++;
                    if (reply.status() / 100 == 2) {
                        String body = reply.text();
                        markers.stream().filter(body::contains).findFirst()
                                .ifPresent(m -> leaks.add(e + " " + url + " → " + reply.status() + " carries " + m));
                    }
                }
            }
            assertThat(attempts).as("each round tries something").isGreaterThan(before);
            // a second round, if needed, guesses further ids
            long from = guessedIds.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            guessedIds = LongStream.range(from, from + 400).boxed().collect(Collectors.toList());
            guessedNumbers = Set.of();
        }
        assertThat(attempts).isGreaterThanOrEqualTo(ATTEMPTS);
        assertThat(leaks).as("answers to customer2 carrying C0001's data, of " + attempts + " attempts").isEmpty();
        // the same search by the owner finds them: the attempts above could have found a leak
        Set<String> found = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            if (e.method().equals("GET") && !e.pathParams().isEmpty()) {
                for (String url : urls(e, numbers, new ArrayList<>(ids), markers)) {
                    var reply = owner.get(url);
                    if (reply.status() / 100 == 2 && markers.stream().anyMatch(reply.text()::contains)) {
                        found.add(e.path());
                    }
                }
            }
        }
        assertThat(found).as("paths where the owner finds their own data").contains("/api/v1/certificates/{number}",
                "/api/v1/requests/{number}", "/api/v1/messages/{id}", "/api/v1/instruments/{id}/verifications",
                "/api/v1/certificates/{number}/pdf/link");
    }

    /** The URLs to try on an endpoint: each path parameter from the guesses; a list searched for each marker. */
    private static List<String> urls(Endpoint e, Set<String> numbers, List<Long> ids, Set<String> markers) {
        List<String> urls = new ArrayList<>();
        if (e.pathParams().isEmpty()) {
            if (e.queryParams().stream().anyMatch(q -> q.name().equals("text"))) {
                for (String m : markers) {
                    urls.add(e.path() + "?text=" + URLEncoder.encode(m, StandardCharsets.UTF_8));
                }
            } else if (e.method().equals("GET")) {
                urls.add(e.path());
            }
            return urls;
        }
        Param first = e.pathParams().get(0);
        boolean numeric = first.type() == long.class || first.type() == Long.class || first.type() == int.class;
        List<String> values = numeric ? ids.stream().map(String::valueOf).toList()
                : first.name().equals("username") ? List.of("customer") : List.copyOf(numbers);
        for (String v : values) {
            String path = e.path().replace("{" + first.name() + "}", URLEncoder.encode(v, StandardCharsets.UTF_8));
            for (Param p : e.pathParams().subList(1, e.pathParams().size())) {
                path = path.replace("{" + p.name() + "}", "1");
            }
            urls.add(path);
        }
        return urls;
    }

    /** The two numbers of the same series next to this one (JHJD2026-000123 → …122, …124). */
    private static List<String> neighbours(String number) {
        int end = number.length();
        int start = end;
        while (start > 0 && Character.isDigit(number.charAt(start - 1))) {
            start--;
        }
        if (start == end) {
            return List.of();
        }
        long n = Long.parseLong(number.substring(start, end));
        String format = "%0" + (end - start) + "d";
        List<String> around = new ArrayList<>();
        for (long k : new long[] {n - 1, n + 1}) {
            if (k > 0) {
                around.add(number.substring(0, start) + String.format(format, k));
            }
        }
        return around;
    }
}
