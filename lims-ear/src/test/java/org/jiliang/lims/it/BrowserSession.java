package org.jiliang.lims.it;

import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link Browser} for each test of a browser test class, put into its {@code Browser} field; after the test
 * its last page is kept as {@code last-page-<class>.png} (what the browser showed when a test failed) and it is
 * closed. A test class says {@code @ExtendWith(BrowserSession.class)}; a {@code @BeforeEach} of its own then finds
 * the browser open (to size its window, say).
 */
final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSession.class);

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Object test = context.getRequiredTestInstance();
        Field field = Arrays.stream(test.getClass().getDeclaredFields()).filter(f -> f.getType() == Browser.class)
                .findFirst().orElseThrow(() -> new IllegalStateException(test.getClass().getSimpleName()
                        + " uses BrowserSession but has no Browser field"));
        Browser browser = new Browser();
        context.getStore(NAMESPACE).put(Browser.class, browser);
        field.setAccessible(true);
        field.set(test, browser);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser == null) {
            return;
        }
        try {
            browser.screenshot("last-page-" + context.getRequiredTestClass().getSimpleName());
        } finally {
            browser.close();
        }
    }
}
