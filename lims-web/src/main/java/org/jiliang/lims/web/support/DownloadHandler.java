package org.jiliang.lims.web.support;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.ETag;
import io.undertow.util.ETagUtils;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.web.api.Problem;
import org.jiliang.lims.web.api.Problems;

/**
 * Serves the signed download addresses of {@link DownloadLinks} in Undertow's own handler chain, before the servlet
 * container: {@code GET /download/certificates/<sha256>/<number>.pdf?expires=…&signature=…}. Anything else goes on
 * to the application untouched.
 * <p>
 * The address is the only credential: one this server signed and that has not expired gets the PDF (with the same
 * security headers as every answer of the application, and no copy in any cache); a changed or made-up one gets 403,
 * an expired one 410, each as problem details in the caller's language; over plain HTTP where HTTPS is required it
 * is redirected like every other address.
 */
final class DownloadHandler implements HttpHandler {

    private static final String PREFIX = DownloadLinks.PATH;
    private static final String SUFFIX = ".pdf";

    private final HttpHandler next;
    private final DownloadLinks links;
    private final TransportSecurity transport;

    DownloadHandler(HttpHandler next, DownloadLinks links, TransportSecurity transport) {
        this.next = next;
        this.links = links;
        this.transport = transport;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRelativePath();
        if (!path.startsWith(PREFIX)) {
            next.handleRequest(exchange);
            return;
        }
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // opening the file may block: not on an I/O thread
            return;
        }
        SecurityHeadersFilter.setHeaders(exchange.isSecure(), false, transport,
                (name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
        String query = exchange.getQueryString();
        Optional<String> https = transport.httpsRedirect(exchange.isSecure(), path,
                query == null || query.isEmpty() ? null : query);
        if (https.isPresent()) {
            exchange.setStatusCode(308);
            exchange.getResponseHeaders().put(Headers.LOCATION, https.get());
            exchange.endExchange();
            return;
        }
        if (!Methods.GET.equals(exchange.getRequestMethod()) && !Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            problem(exchange, 405, "error.download.method");
            return;
        }
        // <sha256>/<number>.pdf: anything else (more segments, another ending) is not an address we gave out
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String sha256 = slash < 0 ? null : rest.substring(0, slash);
        String file = slash < 0 ? "" : rest.substring(slash + 1);
        String number = file.endsWith(SUFFIX) ? file.substring(0, file.length() - SUFFIX.length()) : null;
        switch (links.check(sha256, number, parameter(exchange, "expires"), parameter(exchange, "signature"))) {
            case NOT_OURS -> problem(exchange, 403, "error.download.notOurs");
            case EXPIRED -> problem(exchange, 410, "error.download.expired");
            case VALID -> send(exchange, links.file(sha256), sha256, number);
        }
    }

    private void send(HttpServerExchange exchange, Path file, String sha256, String number) throws IOException {
        // an issued PDF never changes: its SHA-256 is its entity tag, as on the API
        ETag tag = new ETag(false, sha256);
        var headers = exchange.getResponseHeaders();
        headers.put(Headers.ETAG, tag.toString());
        if (!ETagUtils.handleIfNoneMatch(exchange, tag, true)) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file);
        } catch (NoSuchFileException e) {
            // only after the data directory was emptied by hand: the address is good, the copy is gone; asking for
            // a new address writes it again
            problem(exchange, 410, "error.download.copyGone");
            return;
        }
        headers.put(Headers.CONTENT_TYPE, "application/pdf");
        headers.put(Headers.CONTENT_LENGTH, channel.size());
        headers.put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + number + SUFFIX + "\"");
        headers.put(new HttpString("X-Content-SHA256"), sha256);
        if (Methods.HEAD.equals(exchange.getRequestMethod())) {
            channel.close();
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().transferFrom(channel, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange done, Sender sender) {
                close(channel);
                IoCallback.END_EXCHANGE.onComplete(done, sender);
            }

            @Override
            public void onException(HttpServerExchange failed, Sender sender, IOException exception) {
                close(channel);
                IoCallback.END_EXCHANGE.onException(failed, sender, exception);
            }
        });
    }

    private static void problem(HttpServerExchange exchange, int status, String key) {
        Locale locale = Problems.locale(exchange.getRequestHeaders().getFirst(Headers.ACCEPT_LANGUAGE));
        Problem p = Problems.of(status, key, Messages.format(locale, key), exchange.getRequestPath(), locale);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=UTF-8");
        exchange.getResponseSender().send(Problems.json(p), StandardCharsets.UTF_8);
    }

    private static String parameter(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.size() != 1 ? null : values.getFirst();
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written to it: nothing to lose
        }
    }
}
