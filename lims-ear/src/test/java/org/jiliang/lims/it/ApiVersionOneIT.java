package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 14, the API as other systems build on it: every path under {@code /api/v1}; the OpenAPI document WildFly
 * generates from the code describes each of them and how it refuses (problem details); the page shows it to anyone;
 * the lists come a page at a time with filters, and a program that polls gets 304 while nothing it sees changed.
 */
class ApiVersionOneIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theOpenApiDocumentDescribesEveryPathOfTheCode() throws Exception {
        JsonObject document = openApi();
        assertThat(document.getJsonObject("info").getString("version")).isEqualTo("1");
        JsonObject paths = document.getJsonObject("paths");
        String context = URI.create(LimsApi.BASE_URL).getPath();

        List<String> missing = new ArrayList<>();
        List<String> described = document.getJsonArray("tags").getValuesAs(JsonObject.class).stream()
                .filter(t -> !t.getString("description", "").isBlank()).map(t -> t.getString("name")).toList();
        List<ApiEndpoints.Endpoint> endpoints = ApiEndpoints.discover();
        assertThat(endpoints).hasSizeGreaterThan(100);
        for (ApiEndpoints.Endpoint e : endpoints) {
            assertThat(e.path()).as("versioned").startsWith("/api/v1/");
            JsonObject item = paths.getJsonObject(context + e.path());
            JsonObject operation = item == null ? null : item.getJsonObject(e.method().toLowerCase(Locale.ROOT));
            if (operation == null) {
                missing.add(e.toString());
                continue;
            }
            assertThat(operation.getJsonObject("responses").getJsonObject("default").getJsonObject("content")
                    .getJsonObject("application/problem+json").getJsonObject("schema").getString("$ref"))
                    .as("%s refuses with problem details", e).isEqualTo("#/components/schemas/Problem");
            assertThat(operation.getJsonArray("tags").getValuesAs(JsonString.class))
                    .as("%s is in one group the document describes", e).singleElement()
                    .satisfies(tag -> assertThat(described).contains(tag.getString()));
        }
        assertThat(missing).as("paths of the code the document lacks").isEmpty();
        assertThat(paths.keySet()).as("nothing outside the version").allMatch(p -> p.startsWith(context + "/api/v1/"));

        assertThat(document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem")
                .getJsonObject("properties").keySet()).contains("type", "title", "status", "detail", "error");
        assertThat(paths.getJsonObject(context + "/api/v1/public/verify/{token}").getJsonObject("get")
                .getJsonArray("security").getJsonObject(0)).as("the public check needs no login").isEmpty();
        assertThat(paths.getJsonObject(context + "/api/v1/agent/frames").getJsonObject("post")
                .getJsonArray("security").getJsonObject(0).keySet()).containsExactly("bench");
        assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("token")
                .getString("scheme")).isEqualTo("bearer");
        assertThat(paths.getJsonObject(context + "/api/v1/standards/{code}/suspend").getJsonObject("post")
                .getJsonArray("tags").getString(0)).as("standards are under Standards wherever the code is")
                .isEqualTo("Standards");
        JsonObject list = paths.getJsonObject(context + "/api/v1/certificates").getJsonObject("get");
        assertThat(list.getString("summary")).isNotBlank();
        assertThat(list.getJsonArray("parameters").getValuesAs(JsonObject.class)).extracting(p -> p.getString("name"))
                .contains("text", "from", "until", "kind", "first", "max");
    }

    @Test
    void anAddressOutsideTheVersionSaysWhereTheApiIs() {
        for (String path : List.of("/api/certificates", "/api/v2/certificates", "/api/me")) {
            var reply = LimsApi.as("customer").get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(reply.object().getString("error")).isEqualTo("error.api.unversioned");
            assertThat(reply.object().getString("detail")).contains("/api/v1/");
        }
        assertThat(LimsApi.anonymous().get("/api/certificates").status()).as("no credentials, no answer")
                .isEqualTo(401);
    }

    @Test
    void listsComeAPageAtATimeWithFilters() {
        String serial = "V1-" + UUID.randomUUID().toString().substring(0, 8);
        LimsApi clerk = LimsApi.as("clerk");
        assertThat(clerk.post("/api/v1/registry/instruments", Registrations.scale("C0001", serial)).status())
                .isEqualTo(200);

        var page = clerk.get("/api/v1/instruments?first=0&max=2");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.rows()).hasSize(2);
        long total = page.object().getJsonNumber("total").longValue();
        assertThat(total).isGreaterThan(2);
        var next = clerk.get("/api/v1/instruments?first=2&max=2");
        assertThat(next.rows().getJsonObject(0).getJsonNumber("id").longValue())
                .isNotEqualTo(page.rows().getJsonObject(1).getJsonNumber("id").longValue());

        var found = clerk.get("/api/v1/instruments?text=" + serial);
        assertThat(found.rows()).extracting(i -> ((JsonObject) i).getString("serialNumber")).containsExactly(serial);
        assertThat(found.object().getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(LimsApi.as("customer2").get("/api/v1/instruments?text=" + serial).rows())
                .as("another customer's instrument").isEmpty();
        assertThat(LimsApi.as("customer").get("/api/v1/instruments?text=" + serial).rows()).hasSize(1);

        for (String bad : List.of("max=0", "max=1001", "first=-1", "dueWithin=400", "status=BROKEN")) {
            var refused = clerk.get("/api/v1/instruments?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.object().getString("detail")).as(bad).isNotBlank();
        }
        // the refusal names the parameter that is wrong and what it was; the bound is written as the caller writes it
        assertThat(clerk.get("/api/v1/instruments?first=-1").object().getString("detail")).contains("first", "-1");
        assertThat(clerk.get("/api/v1/instruments?max=1001").object().getString("detail"))
                .contains("max", "1000", "1001").doesNotContain("1,000");
        assertThat(clerk.get("/api/v1/certificates?max=1001").status()).isEqualTo(400);
        assertThat(clerk.get("/api/v1/certificates?from=2026-13-01").status()).isEqualTo(400);
        assertThat(clerk.get("/api/v1/certificates?sort=password").status()).isEqualTo(400);
    }

    @Test
    void aProgramPollingAListGets304UntilSomethingItSeesChanges() {
        LimsApi customer = LimsApi.as("customer");
        String path = "/api/v1/instruments?max=1000";
        var first = customer.get(path);
        String tag = first.raw().headers().firstValue("ETag").orElseThrow();
        assertThat(tag).matches("\"[0-9a-f]{64}\"");

        var unchanged = customer.get(path, "If-None-Match", tag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(customer.get(path, "If-None-Match", "W/" + tag + ", \"other\"").status()).isEqualTo(304);
        assertThat(customer.get(path, "If-None-Match", "\"other\"").status()).isEqualTo(200);

        var other = LimsApi.as("customer2").get(path, "If-None-Match", tag);
        assertThat(other.status()).as("another customer's list is another answer").isEqualTo(200);
        assertThat(other.text()).doesNotContain("华东食品");
        assertThat(LimsApi.anonymous().get(path, "If-None-Match", tag).status()).isEqualTo(401);

        String serial = "V1E-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(LimsApi.as("clerk").post("/api/v1/registry/instruments", Registrations.scale("C0001", serial))
                .status()).isEqualTo(200);
        var changed = customer.get(path, "If-None-Match", tag);
        assertThat(changed.status()).as("a new instrument of the customer").isEqualTo(200);
        assertThat(changed.text()).contains(serial);
        assertThat(changed.raw().headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(tag));

        var problem = customer.get("/api/v1/instruments?max=0", "If-None-Match", "*");
        assertThat(problem.status()).as("a refusal is never 304").isEqualTo(400);
    }

    @Test
    void anyoneReadsTheApiPageInTheirLanguage() {
        try (Browser browser = new Browser()) {
            browser.driver().get(LimsApi.BASE_URL + "/public/api.xhtml");
            browser.waitUntil(d -> !d.findElements(By.cssSelector("section.api-tag")).isEmpty()
                    || !d.findElements(By.cssSelector("#api-reference .error")).isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector("#api-reference .error"))).isEmpty();
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("API 接口说明");
            var certificates = browser.find(By.cssSelector("section.api-tag[data-tag='Certificates']"));
            var list = certificates.findElement(By.cssSelector("tr[data-operation='GET /lims/api/v1/certificates']"));
            assertThat(list.getText()).contains("Certificates the caller may see", "参数", "text (query");
            assertThat(browser.driver().findElement(By.cssSelector(
                    "tr[data-operation='GET /lims/api/v1/public/verify/{token}'] .api-auth")).getText())
                    .isEqualTo("凭据: 无需登录");
            assertThat(browser.driver().findElements(By.cssSelector("tr.api-operation")))
                    .hasSizeGreaterThan(100);
        }
    }

    private static JsonObject openApi() throws Exception {
        URI uri = URI.create(LimsApi.BASE_URL).resolve("/openapi?format=JSON");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }
}
