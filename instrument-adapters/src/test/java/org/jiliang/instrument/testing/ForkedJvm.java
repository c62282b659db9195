package org.jiliang.instrument.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a JVM of its own, e.g. with a small heap or under
 * {@code strace}, and returns what it printed: for properties a test cannot see from inside its own
 * JVM (how much heap something needs, which system calls it makes).
 */
public final class ForkedJvm {

    /** What the forked JVM did: its exit code and everything it printed (stdout and stderr). */
    public record Result(int exitCode, String output) {
    }

    private ForkedJvm() {
    }

    /**
     * Runs {@code mainClass} with {@code jvmOptions} (e.g. {@code -Xmx24m}) and {@code args}, each of
     * {@code prefix} before the java command (e.g. strace and its options; empty for none).
     *
     * @throws AssertionError if it does not end within {@code timeout}
     */
    public static Result run(List<String> prefix, List<String> jvmOptions, Class<?> mainClass, List<String> args,
            Duration timeout, Path outputFile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(outputFile.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(mainClass.getSimpleName() + " did not end within " + timeout + ":\n"
                    + Files.readString(outputFile, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(outputFile, StandardCharsets.UTF_8));
    }

    /** Whether a program is on the PATH (e.g. strace). */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
