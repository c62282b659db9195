package org.jiliang.lims.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import org.jiliang.lims.platform.Sha256;

/**
 * {@code ETag} and {@code If-None-Match} (RFC 9110 §8.8.3, §13.1.2) on every JSON answer of the API to a GET: the
 * tag is the SHA-256 of the body the caller would get, so a program polling a list or a record receives 304 and no
 * body while nothing it sees has changed. The server still reads the data; what is saved is the transfer and the
 * caller's parsing. The tag is of the caller's own answer (another customer's list has other bytes, another tag).
 * Downloads (PDF, XML) set their own tags, the stored file's hash; streams (CSV, .zip, live readings) pass
 * untouched, and so do problem details.
 */
@WebFilter(urlPatterns = "/api/v1/*", asyncSupported = true)
public class JsonEntityTags extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Tagged tagged = new Tagged(response);
        chain.doFilter(request, tagged);
        tagged.finish(request.getHeader("If-None-Match"));
    }

    /** The entity tag of a body: its SHA-256, quoted. */
    static String tagOf(byte[] body) {
        return "\"" + Sha256.hex(body) + "\"";
    }

    /**
     * Whether {@code If-None-Match} names this tag: {@code *}, or one of its comma-separated tags compared weakly
     * (a {@code W/} prefix ignored), as RFC 9110 §13.1.2 asks of this header.
     */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Holds a JSON answer's body back until it is complete, to tag it; anything else is written through. */
    private static final class Tagged extends HttpServletResponseWrapper {

        private ByteArrayOutputStream held;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Tagged(HttpServletResponse response) {
            super(response);
        }

        private boolean holds() {
            if (held == null && getStatus() == SC_OK && getContentType() != null
                    && getContentType().startsWith("application/json") && getHeader("ETag") == null) {
                held = new ByteArrayOutputStream();
            }
            return held != null;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!holds()) {
                return super.getOutputStream();
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        held.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        held.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new IllegalStateException("a JSON answer is written at once");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!holds()) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), java.nio.charset.Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            if (held == null) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (held == null) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (held == null) {
                super.flushBuffer();
            }
        }

        void finish(String ifNoneMatch) throws IOException {
            if (held == null) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            byte[] body = held.toByteArray();
            HttpServletResponse response = (HttpServletResponse) getResponse();
            String tag = tagOf(body);
            response.setHeader("ETag", tag);
            if (matches(ifNoneMatch, tag)) {
                response.setStatus(SC_NOT_MODIFIED);
                response.setContentLength(0);
                return;
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
