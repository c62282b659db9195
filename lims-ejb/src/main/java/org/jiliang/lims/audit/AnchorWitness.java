package org.jiliang.lims.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The newest anchor this server made, remembered outside the database (a small file beside the
 * key store). Anchors are rows, so someone with write access could delete the newest ones and
 * rewrite what they covered; the witness says which anchor must still be there.
 */
public final class AnchorWitness {

    /** What the witness remembers of an anchor. */
    public record Last(long id, long sequence, String mac, Instant anchoredAt) {
    }

    private final Path file;

    public AnchorWitness(Path file) {
        this.file = file;
    }

    public Optional<Last> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new Last(Long.parseLong(p.getProperty("id")), Long.parseLong(p.getProperty("sequence")),
                    p.getProperty("mac"), Instant.parse(p.getProperty("anchoredAt"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the anchor witness " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the anchor witness " + file + " is damaged", e);
        }
    }

    /** Remembers the anchor unless a newer one is remembered already (commits may finish out of order). */
    public synchronized void remember(Last anchor) {
        if (read().map(known -> known.id() >= anchor.id()).orElse(false)) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("id", Long.toString(anchor.id()));
        p.setProperty("sequence", Long.toString(anchor.sequence()));
        p.setProperty("mac", anchor.mac());
        p.setProperty("anchoredAt", anchor.anchoredAt().toString());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                p.store(out, "The newest audit anchor this server made (docs/audit-trail.md). Do not edit.");
            }
            try {
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the anchor witness " + file, e);
        }
    }
}
