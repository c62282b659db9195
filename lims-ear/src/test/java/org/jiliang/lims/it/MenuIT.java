package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page a user's menu offers opens for that user: each demo account (one of every role, staff and customers)
 * logs in, and each link of its menu, followed in its session, answers 200 with the page, not the error page nor
 * the forbidden one. (The administrator's menu offered the job list, whose service is not the administrator's: the
 * page ended in a server error.)
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MenuIT {

    private static final Pattern LINK = Pattern.compile("<a id=\"(nav-[a-z-]+)\" href=\"([^\"]+)\"");
    private static final String CONTEXT = URI.create(LimsApi.BASE_URL).getPath();

    @ParameterizedTest
    @ValueSource(strings = {"technician", "checker", "approver", "quality", "clerk", "admin", "customer", "clinic"})
    void everyPageOfAUsersMenuOpensForThem(String user) {
        LimsApi session = LimsApi.as(user).inSession();
        var start = session.get("/password.xhtml");
        assertThat(start.status()).as(user + ": the password page").isEqualTo(200);
        Map<String, String> menu = new LinkedHashMap<>();
        Matcher m = LINK.matcher(start.text());
        while (m.find()) {
            menu.put(m.group(1), m.group(2));
        }
        assertThat(menu).as(user + "'s menu").containsKey("nav-password").hasSizeGreaterThan(2);

        for (var link : menu.entrySet()) {
            assertThat(link.getValue()).as(link.getKey()).startsWith(CONTEXT + "/");
            var page = session.get(link.getValue().substring(CONTEXT.length()));
            String what = user + " → " + link.getKey() + " (" + link.getValue() + ")";
            assertThat(page.status()).as(what).isEqualTo(200);
            assertThat(page.text()).as(what).contains("id=\"current-user\"")
                    .doesNotContain("id=\"server-error\"", "id=\"forbidden\"");
        }
    }
}
