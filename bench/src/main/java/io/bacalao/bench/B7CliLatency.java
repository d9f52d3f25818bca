package io.bacalao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * B7: wall time of the commands people type ({@code ./bacalao job list}, {@code node list}, {@code version}, and
 * {@code job run} of a noop job, which waits for the job's end) against a running devstack, each beside {@code curl}
 * of the same route measured in the same run (for {@code job run}: the submit alone), interleaved (command, curl,
 * command, curl, …) so that the machine's load weighs on both alike. Each run is a fresh process, as a user's
 * is; the CPU time (user + system) of the command is printed too, being less sensitive than wall time to other
 * processes on a shared machine. {@code BACALAO_AOT=0} runs (the launcher without its AOT cache) are measured in the
 * same rotation, so that the cache's share is read from the same run.
 *
 * <p>Usage: {@code bench/run B7CliLatency [runs=20] [http://host:port|-] [OTHER_LAUNCHER]}: with no URL (or
 * {@code -}) it starts a devstack of 1 orchestrator + 1 compute node (as B1 does, on its own loopback ports) and
 * submits a few noop jobs, so that the lists have rows. {@code OTHER_LAUNCHER} (e.g. the {@code bacalao} script of
 * an older checkout, built) is measured in the same rotation, for before/after figures from one run.
 */
public final class B7CliLatency {
    /** What {@code job run} submits: B1's noop job, in YAML as in Bacalhau's tutorials. */
    private static final String NOOP_YAML = "Type: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n";
    private static final Path NOOP_SPEC = noopSpec();
    /** Each command and the request that curl makes beside it. */
    private static final Map<String, Request> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("job list", Request.get("/api/v1/orchestrator/jobs?limit=10&labels=bacalhau_canary%20%21%3D%20true"));
        COMMANDS.put("node list", Request.get("/api/v1/orchestrator/nodes"));
        COMMANDS.put("version", Request.get("/api/v1/agent/version"));
        COMMANDS.put("job run " + NOOP_SPEC, new Request("PUT", "/api/v1/orchestrator/jobs",
                "{\"Job\":" + B1NoopLatency.NOOP + "}"));
    }

    /** An API request: a GET has no body, any other method sends {@code body} as JSON. */
    private record Request(String method, String route, String body) {
        static Request get(String route) {
            return new Request("GET", route, null);
        }

        /** curl's arguments before the URL. */
        List<String> curlArgs() {
            return method.equals("GET") ? List.of()
                    : List.of("-X", method, "-H", "Content-Type: application/json", "--data-binary", body);
        }

        /** How the figure's line names it: the route without its query, after the method unless a GET. */
        String label() {
            return (method.equals("GET") ? "" : method + " ") + route.replaceAll("\\?.*", "");
        }
    }

    private static Path noopSpec() {
        try {
            Path spec = Files.createTempFile("b7-noop", ".yaml");
            spec.toFile().deleteOnExit();
            return Files.writeString(spec, NOOP_YAML);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private B7CliLatency() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path repo = Path.of(System.getProperty("bacalao.runtime", "cli-jar/target/runtime")).toAbsolutePath()
                .getParent().getParent().getParent();
        Path launcher = repo.resolve("bacalao");
        if (!Files.isExecutable(launcher)) throw new IllegalStateException("no launcher at " + launcher);
        Path other = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
        if (args.length > 1 && !args[1].equals("-")) {
            measure(launcher, args[1], runs, other);
            return;
        }
        try (BenchCluster cluster = new BenchCluster(1, Map.of("API.Port", "32234", "Orchestrator.Port", "32222",
                "Publishers.Types.Local.Port", "32301"))) {
            System.out.printf("B7 devstack (1 orchestrator + 1 compute) ready in %.1fs%n", cluster.startupSeconds());
            for (int i = 0; i < 5; i++) cluster.runToEnd(B1NoopLatency.NOOP);
            measure(launcher, "http://127.0.0.1:32234", runs, other);
        }
    }

    private static void measure(Path launcher, String api, int runs, Path other) throws Exception {
        var u = java.net.URI.create(api);
        List<String> apiFlags = List.of("--api-host", u.getHost(), "--api-port", String.valueOf(u.getPort()));
        // warm the OS caches and the server, and check that every command answers
        for (Map.Entry<String, Request> r : COMMANDS.entrySet()) {
            Sample s = cli(launcher, r.getKey(), apiFlags, true);
            if (s.exitCode != 0) throw new IllegalStateException("'bacalao " + r.getKey() + "' failed: " + s.output);
            if (other != null && cli(other, r.getKey(), apiFlags, true).exitCode != 0) {
                throw new IllegalStateException(other + " " + r.getKey() + " failed");
            }
            curl(api, r.getValue());
        }
        System.out.printf("B7 %d runs each, interleaved; launcher %s; API %s; %d CPUs, load average %s%n", runs,
                launcher, api, Runtime.getRuntime().availableProcessors(), loadAverage());
        for (Map.Entry<String, Request> r : COMMANDS.entrySet()) {
            Stats wall = new Stats();
            Stats cpu = new Stats();
            Stats wallNoAot = new Stats();
            Stats cpuNoAot = new Stats();
            Stats curl = new Stats();
            Stats wallOther = new Stats();
            Stats cpuOther = new Stats();
            for (int i = 0; i < runs; i++) {
                Sample s = cli(launcher, r.getKey(), apiFlags, true);
                wall.add(s.wallMillis);
                cpu.add(s.cpuMillis);
                curl.add(curl(api, r.getValue()));
                Sample n = cli(launcher, r.getKey(), apiFlags, false);
                wallNoAot.add(n.wallMillis);
                cpuNoAot.add(n.cpuMillis);
                if (other != null) {
                    Sample o = cli(other, r.getKey(), apiFlags, true);
                    wallOther.add(o.wallMillis);
                    cpuOther.add(o.cpuMillis);
                }
            }
            System.out.println(line("./bacalao " + r.getKey().replace(" " + NOOP_SPEC, " <noop job>"), wall, cpu));
            System.out.println(line("  same, BACALAO_AOT=0", wallNoAot, cpuNoAot));
            if (other != null) System.out.println(line("  " + other, wallOther, cpuOther));
            System.out.printf("  %-31s wall p50=%6.1fms p90=%6.1fms%n", "curl " + r.getValue().label(),
                    curl.percentile(50), curl.percentile(90));
        }
        System.out.printf("load average after: %s%n", loadAverage());
    }

    private static String line(String label, Stats wall, Stats cpu) {
        return String.format(java.util.Locale.ROOT, "%-33s wall p50=%6.1fms p90=%6.1fms   cpu p50=%6.1fms p90=%6.1fms",
                label, wall.percentile(50), wall.percentile(90), cpu.percentile(50), cpu.percentile(90));
    }

    private record Sample(int exitCode, double wallMillis, double cpuMillis, String output) {
    }

    /**
     * One {@code ./bacalao} process, started from a bash that prints its children's CPU time ({@code times}) after
     * it; its output is kept only when it fails.
     */
    private static Sample cli(Path launcher, String command, List<String> apiFlags, boolean aot) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c",
                "out=$(\"$@\" 2>&1); rc=$?; [ $rc = 0 ] || printf '%s\\n' \"$out\"; echo B7CPU; times; exit $rc", "b7"));
        cmd.add(launcher.toString());
        cmd.addAll(List.of(command.split(" ")));
        cmd.addAll(apiFlags);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (!aot) pb.environment().put("BACALAO_AOT", "0");
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(2, TimeUnit.MINUTES)) throw new IllegalStateException("bacalao " + command + " did not end");
        double wall = (System.nanoTime() - t0) / 1e6;
        return new Sample(p.exitValue(), wall, childCpuMillis(out), out);
    }

    /** The children's user + system time: the second line of bash's {@code times} ("0m0.120s 0m0.050s"). */
    private static double childCpuMillis(String output) {
        List<String> lines = output.lines().toList();
        int marker = lines.indexOf("B7CPU");
        if (marker < 0 || marker + 2 >= lines.size()) return Double.NaN;
        String[] f = lines.get(marker + 2).trim().split("\\s+");
        return seconds(f[0]) * 1000 + seconds(f[1]) * 1000;
    }

    private static double seconds(String goTime) {
        int m = goTime.indexOf('m');
        return Integer.parseInt(goTime.substring(0, m)) * 60 + Double.parseDouble(goTime.substring(m + 1, goTime.length() - 1));
    }

    private static double curl(String api, Request r) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sf", "-o", "/dev/null"));
        cmd.addAll(r.curlArgs());
        cmd.add(api + r.route());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed");
        return (System.nanoTime() - t0) / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll(" \\S+ \\S+$", "");
        } catch (IOException e) {
            return "?";
        }
    }
}
