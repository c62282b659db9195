package org.jiliang.instrument.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the agent is started: command-line options first, then environment variables.
 *
 * <pre>
 * --server URL        JILIANG_SERVER_URL     base address of the LIMS, e.g. https://lims.example.cn/lims
 * --token-file FILE   JILIANG_BENCH_TOKEN_FILE  file holding the bench token (or JILIANG_BENCH_TOKEN itself)
 * --journal DIR       JILIANG_JOURNAL_DIR    journal directory (default: ./bench-journal)
 * --batch N                                  frames per request (default 200)
 * --max-backoff MS                           longest wait between retries (default 10000)
 * --profile-refresh S                        how often the device profiles are fetched again (default 60)
 * --journal-max-size SIZE JILIANG_JOURNAL_MAX_SIZE  cap on each device's unsent frames (default 512M; K, M, G)
 * </pre>
 */
public record AgentSettings(URI server, String token, Path journal, int batchSize, Duration maxBackoff,
                            Duration profileRefresh, long journalMaxBytes) {

    public static final String USAGE = """
            Usage: java -jar bench-agent.jar --server https://<lims-host>/lims --token-file <file> [--journal <dir>]
              or set JILIANG_SERVER_URL, JILIANG_BENCH_TOKEN (or JILIANG_BENCH_TOKEN_FILE), JILIANG_JOURNAL_DIR.
              Options: --batch <frames per request, default 200> --max-backoff <ms, default 10000>
                       --profile-refresh <s, default 60>
                       --journal-max-size <cap on each device's unsent frames, default 512M; K, M or G>""";

    /**
     * @throws IllegalArgumentException with what is missing or wrong, for the operator
     */
    public static AgentSettings parse(String[] args, Map<String, String> env) {
        String server = env.get("JILIANG_SERVER_URL");
        String token = env.get("JILIANG_BENCH_TOKEN");
        String tokenFile = env.get("JILIANG_BENCH_TOKEN_FILE");
        String journal = env.getOrDefault("JILIANG_JOURNAL_DIR", "bench-journal");
        int batch = 200;
        long maxBackoff = 10_000;
        long profileRefresh = 60;
        String journalMaxSize = env.getOrDefault("JILIANG_JOURNAL_MAX_SIZE", "512M");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--server" -> server = value;
                case "--token" -> token = value;
                case "--token-file" -> tokenFile = value;
                case "--journal" -> journal = value;
                case "--batch" -> batch = positive(option, value);
                case "--max-backoff" -> maxBackoff = positive(option, value);
                case "--profile-refresh" -> profileRefresh = positive(option, value);
                case "--journal-max-size" -> journalMaxSize = value;
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("The server address is missing (--server or JILIANG_SERVER_URL)");
        }
        URI uri = URI.create(server.strip());
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("The server address must start with https:// (or http:// on a test"
                    + " loopback), was " + server);
        }
        if (tokenFile != null && !tokenFile.isBlank()) {
            try {
                token = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the token file " + tokenFile + ": " + e.getMessage());
            }
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The bench token is missing (--token-file, JILIANG_BENCH_TOKEN_FILE or"
                    + " JILIANG_BENCH_TOKEN); an administrator gets it when registering the bench");
        }
        if (batch > 500) {
            throw new IllegalArgumentException("--batch must be at most 500 (the server's limit), was " + batch);
        }
        return new AgentSettings(uri, token.strip(), Path.of(journal), batch, Duration.ofMillis(maxBackoff),
                Duration.ofSeconds(profileRefresh), size("--journal-max-size", journalMaxSize));
    }

    /** A size in bytes, or with K, M or G (powers of 1024), e.g. 512M. */
    static long size(String option, String value) {
        String text = value.strip().toUpperCase(java.util.Locale.ROOT);
        int shift = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n > 0 && n < (1L << (62 - shift))) {
                return n << shift;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Option " + option + " must be a size such as 512M, 2G or 300000K, was "
                + value);
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Option " + option + " must be a positive number, was " + value);
    }
}
