package io.bacalao.payara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What a node that did not become ready was doing, for the error that reports it: the errors its log holds and,
 * for a node that is still running, where its boot thread is stuck (a thread dump taken with the JDK's
 * {@code jcmd}, kept beside the log). Bounded, so that it fits in an exception message a CI log shows whole.
 */
final class StartDiagnosis {
    /**
     * How Payara reports an application that failed to deploy; the node then stays up without it. "preparing" is a
     * persistence unit that failed to deploy, e.g. a store whose schema migration failed or that cannot be reached.
     */
    static final Pattern DEPLOYMENT_FAILED = Pattern.compile(
            "Exception while (loading|deploying|preparing) the app|Exception during lifecycle processing");
    private static final Pattern ERROR = Pattern.compile("\\[SEVERE\\]|^SEVERE:");
    /** The fields of a Payara log record's header that say nothing about the error. */
    private static final Pattern RECORD_NOISE = Pattern.compile("\\[(tid|timeMillis|levelValue): [^\\]]*]\\s*");
    private static final int MAX_LINES = 6;
    private static final int MAX_LINE = 300;
    private static final int MAX_FRAMES = 14;

    private StartDiagnosis() {
    }

    /**
     * Reads a node's log as it grows, from where this start began (a restarted node appends to the log of its
     * earlier starts), and tells whether it says that an application failed to deploy. Each call reads only the
     * complete lines added since the last one, so a wait that asks every few hundred milliseconds does not read
     * the whole log again each time.
     */
    static final class DeploymentWatch {
        private final Path log;
        private long position;
        private boolean failed;

        DeploymentWatch(Path log, long from) {
            this.log = log;
            this.position = from;
        }

        boolean failed() {
            if (failed || log == null) return failed;
            try (var in = java.nio.channels.FileChannel.open(log)) {
                long size = in.size();
                if (size <= position) return false;
                java.nio.ByteBuffer added = java.nio.ByteBuffer.allocate((int) Math.min(size - position, 1 << 20));
                in.read(added, position);
                String text = new String(added.array(), 0, added.position(), StandardCharsets.ISO_8859_1);
                int end = text.lastIndexOf('\n');
                if (end < 0) return false;
                position += end + 1;
                failed = !matching(text.substring(0, end).lines().toList(), DEPLOYMENT_FAILED, 1).isEmpty();
            } catch (IOException e) {
                // not written yet: asked again on the next call
            }
            return failed;
        }
    }

    /**
     * The first SEVERE records (at most six, each shortened) the log holds from byte {@code from} on, or "" when none.
     * A record is told by its header without the thread and time fields; one in Payara's multi-line format
     * ({@code [[} … {@code ]]}) also by its message's first line and its last {@code Caused by:}, the root cause.
     */
    static String errors(Path log, long from) {
        if (log == null) return "";
        List<String> records = severeRecords(readLog(log, from), MAX_LINES);
        return records.isEmpty() ? "" : "; first errors in the log: " + String.join(" | ", records);
    }

    static List<String> severeRecords(List<String> lines, int max) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size() && found.size() < max; i++) {
            String header = plain(lines.get(i));
            if (!ERROR.matcher(header).find()) continue;
            header = RECORD_NOISE.matcher(header).replaceAll("");
            if (!header.endsWith("[[")) {
                found.add(shortened(header));
                continue;
            }
            String message = "";
            String cause = "";
            for (i++; i < lines.size(); i++) {
                String body = plain(lines.get(i));
                if (body.startsWith("]]")) break;
                if (message.isEmpty()) message = body;
                else if (body.startsWith("Caused by:")) cause = body;
            }
            found.add(header.substring(0, header.length() - 2).strip() + " " + shortened(message)
                    + (cause.isEmpty() ? "" : " … " + shortened(cause)));
        }
        return found;
    }

    private static String plain(String line) {
        return line.replaceAll("\u001B\\[[0-9;]*m", "").strip();
    }

    private static String shortened(String line) {
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
    }

    /**
     * Dumps the threads of {@code pid} into {@code <log>.threads.txt} and returns the boot thread's top frames
     * (Payara Micro deploys in {@code main}), or "" when no dump could be taken.
     */
    static String bootThread(Path javaHome, long pid, Path log) {
        if (log == null) return "";
        Path out = log.resolveSibling(log.getFileName() + ".threads.txt");
        try {
            Process jcmd = new ProcessBuilder(javaHome.resolve("bin").resolve("jcmd").toString(),
                    String.valueOf(pid), "Thread.print").redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return "";
            }
            String frames = threadFrames(Files.readAllLines(out, StandardCharsets.UTF_8), "main");
            return frames.isEmpty() ? "; threads in " + out : "; boot thread (all threads in " + out + "): " + frames;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The top frames of the thread named {@code name} in a {@code Thread.print} dump, joined by " < ". */
    static String threadFrames(List<String> dump, String name) {
        List<String> frames = new ArrayList<>();
        boolean inThread = false;
        for (String line : dump) {
            if (line.startsWith("\"")) {
                if (inThread) break;
                inThread = line.startsWith("\"" + name + "\"");
            } else if (inThread && line.strip().startsWith("at ") && frames.size() < MAX_FRAMES) {
                frames.add(line.strip().substring(3));
            }
        }
        return String.join(" < ", frames);
    }

    static List<String> matching(List<String> lines, Pattern pattern, int max) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            if (found.size() >= max) break;
            String plain = plain(line);
            if (pattern.matcher(plain).find()) found.add(shortened(plain));
        }
        return found;
    }

    private static List<String> readLog(Path log, long from) {
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(from, Files.size(log)));
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
