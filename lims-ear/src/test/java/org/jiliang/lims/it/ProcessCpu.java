package org.jiliang.lims.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time as Linux counts it in {@code /proc}, for benchmarks that run a server beside the measuring JVM: what a
 * process and its children used (a PostgreSQL cluster's backends are children of its postmaster; those that have
 * ended are counted in the postmaster's "children" fields once it has waited for them), and how busy the machine's
 * cores were. Figures of CPU per unit of work do not move with the machine's speed of the day as much as times do.
 */
final class ProcessCpu {

    /** The kernel's clock ticks per second for {@code /proc} times ({@code getconf CLK_TCK}, 100 on Linux). */
    private static final double TICKS = 100.0;

    private ProcessCpu() {
    }

    /**
     * CPU used so far by the process {@code pid} and its live descendants, each with the children it has waited for
     * (an ended process is counted by the parent that waited for it, and by no other).
     */
    static Duration ofTree(long pid) {
        long ticks = ticks(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            ticks += ticks(child.pid());
        }
        return Duration.ofMillis(Math.round(ticks * 1000 / TICKS));
    }

    /**
     * CPU used so far by each live thread of the process {@code pid}, by thread id, with the name the JVM gave the
     * thread's kernel task (a Java thread's name, cut to 15 characters).
     */
    static Map<Long, Task> threads(long pid) {
        Map<Long, Task> tasks = new HashMap<>();
        try (Stream<Path> listed = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) listed::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    tasks.put(Long.parseLong(task.getFileName().toString()), new Task(name, fields(stat)));
                } catch (IOException | RuntimeException e) {
                    // a thread that ended between the listing and the reading: counted in "ended" below
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return tasks;
    }

    /**
     * Where the process's CPU between two readings of {@link #threads} went, by kind of thread (the name without its
     * number: the batch partitions, the garbage collector's workers, the JIT's compilers, Undertow's workers …),
     * largest first; threads started and ended between the readings (a report's subreports are filled on threads of
     * their own) are what the process used beyond its live threads, under "(threads that ended)".
     */
    static Map<String, Duration> byKindOfThread(Map<Long, Task> before, Map<Long, Task> after, Duration process) {
        Map<String, Long> ticks = new HashMap<>();
        long live = 0;
        for (var t : after.entrySet()) {
            Task was = before.get(t.getKey());
            long used = t.getValue().ticks() - (was == null ? 0 : was.ticks());
            live += used;
            ticks.merge(t.getValue().name().replaceAll("[-#\\s]*\\d+$", "").trim(), used, Long::sum);
        }
        ticks.merge("(threads that ended)", Math.max(0, Math.round(process.toMillis() * TICKS / 1000) - live),
                Long::sum);
        Map<String, Duration> sorted = new LinkedHashMap<>();
        ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), Duration.ofMillis(Math.round(e.getValue() * 1000 / TICKS))));
        return sorted;
    }

    /** A thread's name as the kernel keeps it, and the CPU ticks it has used, user and system. */
    record Task(String name, long ticks) {
    }

    /** The machine's CPU so far: busy and total time, summed over its cores ({@code /proc/stat}). */
    static Machine machine() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII);
            String[] f = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) { // user … steal; guest time is counted in user already
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle, iowait
            int cores = (int) lines.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
            return new Machine(total - idle, total, cores);
        } catch (IOException | RuntimeException e) {
            return new Machine(0, 0, 0);
        }
    }

    /** Busy and total ticks of all cores; {@link #coresBusySince} is the average number of cores busy. */
    record Machine(long busy, long total, int cores) {

        double coresBusySince(Machine before) {
            long t = total - before.total;
            return t == 0 ? Double.NaN : (double) (busy - before.busy) / t * cores;
        }
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return fields(stat) + Long.parseLong(f[13]) + Long.parseLong(f[14]); // and its waited-for children
        } catch (IOException | RuntimeException e) {
            return 0; // a process that ended between the listing and the reading
        }
    }

    /** User and system ticks of a {@code stat} line (of a process or of one of its threads). */
    private static long fields(String stat) {
        // after the command's name in parentheses (which may hold spaces): state is field 3, utime field 14
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
