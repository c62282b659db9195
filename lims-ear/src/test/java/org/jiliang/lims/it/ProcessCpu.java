package org.jiliang.lims.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
            // after the command's name in parentheses (which may hold spaces): state is field 3, utime field 14
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0; // a process that ended between the listing and the reading
        }
    }
}
