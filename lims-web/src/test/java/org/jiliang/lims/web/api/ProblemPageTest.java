package org.jiliang.lims.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A browser's own navigation gets a page; a program keeps problem details. */
class ProblemPageTest {

    @Test
    void onlyACallerThatAsksForHtmlFirstGetsAPage() {
        assertThat(ProblemPage.wantsPage(List.of(MediaType.TEXT_HTML_TYPE, new MediaType("application", "xhtml+xml"),
                MediaType.WILDCARD_TYPE))).as("a browser opening the address").isTrue();
        assertThat(ProblemPage.wantsPage(List.of(MediaType.APPLICATION_JSON_TYPE))).isFalse();
        assertThat(ProblemPage.wantsPage(List.of(MediaType.WILDCARD_TYPE))).as("no Accept header").isFalse();
        assertThat(ProblemPage.wantsPage(List.of())).isFalse();
    }

    @Test
    void thePageSaysTheTitleAndTheSentenceEscaped() {
        String page = ProblemPage.page(new Problem("urn:x", "未找到", 404, "证书 <JD1> 不存在", "/lims/api/v1/x", "error.x",
                null));

        assertThat(page).contains("404 · 未找到", "证书 &lt;JD1&gt; 不存在").doesNotContain("<JD1>", "urn:x", "error.x");
    }
}
