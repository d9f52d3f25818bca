package io.bacalao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU and heap of a JVM on this machine (Linux): CPU time from {@code /proc/<pid>/stat} (user + system, in clock
 * ticks of 10 ms, the kernel's USER_HZ of 100 on every Linux architecture Bacalao runs on), heap from
 * {@code jcmd <pid> GC.heap_info} of this JDK (attach API; each call starts a small JVM, so it is taken only at phase
 * boundaries), and the whole machine's busy time from {@code /proc/stat} to show what else ran meanwhile.
 */
final class ProcessProbe {
    /** USER_HZ: /proc reports CPU times in these ticks per second. */
    static final int TICKS_PER_SECOND = 100;
    private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");
    private final long pid;

    ProcessProbe(long pid) {
        this.pid = pid;
    }

    /** CPU seconds the process has used so far (user + system, all threads). */
    double cpuSeconds() {
        return cpuTicks(Path.of("/proc/" + pid + "/stat")) / (double) TICKS_PER_SECOND;
    }

    /** CPU seconds this bench's own JVM (and the simulated nodes in it) has used so far. */
    static double ownCpuSeconds() {
        return cpuTicks(Path.of("/proc/self/stat")) / (double) TICKS_PER_SECOND;
    }

    private static long cpuTicks(Path stat) {
        try {
            String s = Files.readString(stat);
            // fields after the command name (which may hold spaces) start at state = field 3; utime 14, stime 15
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + stat + ": " + e.getMessage(), e);
        }
    }

    /** The machine's busy and total CPU ticks so far (all cores), from the first line of /proc/stat. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) total += Long.parseLong(f[i]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /** Heap in use now, in MiB (see {@link #parseHeapUsedMib}), or -1 if unavailable. */
    double heapUsedMib() {
        return parseHeapUsedMib(jcmd("GC.heap_info"));
    }

    /**
     * The heap in use in the output of {@code jcmd GC.heap_info} of JDK 25, for any collector: the sum of the
     * "used N[KMG]" of each unindented line ("garbage-first heap … used 10696K", "DefNew …" + "Tenured …",
     * "PSYoungGen …" + "ParOldGen …", "ZHeap used 60M"); indented lines are their parts, Metaspace is not heap.
     * -1 when there is no such line (the process is gone, or the format changed).
     */
    static double parseHeapUsedMib(String out) {
        double kib = 0;
        boolean any = false;
        for (String line : out.split("\n")) {
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.contains("Metaspace")
                    || line.contains("class space")) continue;
            Matcher m = USED.matcher(line);
            if (m.find()) {
                long v = Long.parseLong(m.group(1));
                kib += switch (m.group(2)) {
                    case "M" -> v * 1024.0;
                    case "G" -> v * 1024.0 * 1024;
                    default -> v;
                };
                any = true;
            }
        }
        return any ? kib / 1024 : -1;
    }

    /** Heap in use after a full collection (what stays live), in MiB: runs {@code GC.run} first. */
    double liveHeapMib() {
        jcmd("GC.run");
        return heapUsedMib();
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static String cores(double cpuSeconds, double wallSeconds) {
        return String.format(Locale.ROOT, "%.2f cores", cpuSeconds / wallSeconds);
    }
}
