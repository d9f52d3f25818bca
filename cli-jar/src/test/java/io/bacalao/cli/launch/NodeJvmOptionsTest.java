package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NodeJvmOptionsTest {
    @Test
    void rolesDifferOnlyInTheirHeapSizesAndCompileThresholds() {
        List<String> orchestrator = NodeJvmOptions.of(true, Map.of());
        List<String> compute = NodeJvmOptions.of(false, Map.of());
        assertTrue(orchestrator.contains("-Xmx768m"), orchestrator.toString());
        assertTrue(compute.contains("-Xmx384m"), compute.toString());
        assertTrue(compute.contains("-Xms48m") && compute.contains("-XX:+UseSerialGC"), compute.toString());
        assertTrue(compute.contains("-Xmn24m") && orchestrator.stream().noneMatch(o -> o.startsWith("-Xmn")),
                orchestrator.toString());
        assertTrue(compute.contains("-XX:CompileCommand=CompileThresholdScaling,io.bacalao.*::*,0.1")
                && orchestrator.stream().noneMatch(o -> o.contains("CompileThresholdScaling")), orchestrator.toString());
        assertTrue(compute.stream().noneMatch(o -> o.startsWith("-XX:CompileThresholdScaling")), compute.toString());
        assertEquals(orchestrator.size() + 2 + NodeJvmOptions.PER_JOB_CODE.size(), compute.size());
    }

    /**
     * The JVM looks a method's command up from the last given backwards, so a catch-all given after the defaults
     * puts every method back on the JVM's thresholds.
     */
    @Test
    void aComputeNodesCompileThresholdsCanBePutBackToTheJvmsDefault() throws Exception {
        String back = "-XX:CompileCommand=CompileThresholdScaling,*.*,1.0";
        List<String> opts = NodeJvmOptions.of(false, Map.of(NodeJvmOptions.COMPUTE_ENV, back));
        assertEquals(back, opts.getLast());
        assertTrue(compiles(NodeJvmOptions.of(false, Map.of())), "per-job code compiled after 100 calls by default");
        assertFalse(compiles(opts), "100 calls are under the JVM's default threshold (200)");
        assertFalse(compiles(NodeJvmOptions.of(true, Map.of())), "the orchestrator keeps the JVM's thresholds");
    }

    /** Whether a JVM started with {@code options} compiles {@link CompileProbe#work}, a method of io.bacalao. */
    private static boolean compiles(List<String> options) throws Exception {
        String classes = Path.of(CompileProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String out = java(options, "-Xbatch", "-XX:+PrintCompilation", "-cp", classes, CompileProbe.class.getName());
        return out.contains(CompileProbe.class.getName() + "::work");
    }

    @Test
    void anOptionOfTheEnvironmentReplacesTheDefaultItNames() {
        List<String> opts = NodeJvmOptions.of(false, Map.of(NodeJvmOptions.ALL_ENV, " -Xmx1g  -XX:TieredStopAtLevel=4 -Dx=1"));
        assertTrue(opts.contains("-Xmx1g") && !opts.contains("-Xmx384m"), opts.toString());
        assertTrue(opts.contains("-XX:TieredStopAtLevel=4") && !opts.contains("-XX:TieredStopAtLevel=1"), opts.toString());
        assertTrue(opts.contains("-Dx=1"), opts.toString());
    }

    @Test
    void anotherCollectorReplacesTheSerialOneSoTheJvmSeesNoConflict() {
        List<String> opts = NodeJvmOptions.of(true, Map.of(NodeJvmOptions.ALL_ENV, "-XX:+UseG1GC"));
        assertTrue(opts.contains("-XX:+UseG1GC"), opts.toString());
        assertFalse(opts.contains("-XX:+UseSerialGC"), opts.toString());
    }

    @Test
    void aRolesOwnOptionsApplyAfterThoseForAllNodesAndOnlyToThatRole() {
        Map<String, String> env = Map.of(NodeJvmOptions.ALL_ENV, "-Xmx512m", NodeJvmOptions.COMPUTE_ENV, "-Xmx200m -XX:-UseCompactObjectHeaders");
        List<String> compute = NodeJvmOptions.of(false, env);
        assertTrue(compute.contains("-Xmx200m") && !compute.contains("-Xmx512m"), compute.toString());
        assertTrue(compute.contains("-XX:-UseCompactObjectHeaders") && !compute.contains("-XX:+UseCompactObjectHeaders"), compute.toString());
        List<String> orchestrator = NodeJvmOptions.of(true, env);
        assertTrue(orchestrator.contains("-Xmx512m"), orchestrator.toString());
        assertTrue(orchestrator.contains("-XX:+UseCompactObjectHeaders"), orchestrator.toString());
    }

    @Test
    void everyNodeKeepsOneNettyArenaOfEachKindUnlessTheEnvironmentSaysOtherwise() {
        for (boolean orchestrator : new boolean[]{true, false}) {
            List<String> opts = NodeJvmOptions.of(orchestrator, Map.of());
            assertTrue(opts.contains("-Dio.netty.allocator.numHeapArenas=1"), opts.toString());
            assertTrue(opts.contains("-Dio.netty.allocator.numDirectArenas=1"), opts.toString());
        }
        List<String> opts = NodeJvmOptions.of(true, Map.of(NodeJvmOptions.ORCHESTRATOR_ENV, "-Dio.netty.allocator.numHeapArenas=4"));
        assertTrue(opts.contains("-Dio.netty.allocator.numHeapArenas=4") && !opts.contains("-Dio.netty.allocator.numHeapArenas=1"),
                opts.toString());
    }

    /**
     * What a node's start compiles and, without a class archive, loads (docs/node-footprint.md, "No collections for
     * code or metadata at start"): the JVM, given the defaults, must not collect the whole heap for either.
     */
    @Test
    void aNodesStartStaysUnderTheJvmsThresholdsForCollectingCodeAndClassMetadata() throws Exception {
        long compiledAtStart = 22L << 20;
        long metadataAtStart = 121L << 20;
        for (boolean orchestrator : new boolean[]{true, false}) {
            Map<String, String> flags = finalFlags(NodeJvmOptions.of(orchestrator, Map.of()));
            long reserved = Long.parseLong(flags.get("ReservedCodeCacheSize"));
            double percent = Double.parseDouble(flags.get("SweeperThreshold"));
            assertTrue(reserved * percent / 100 > compiledAtStart * 1.25,
                    "code unloaded every " + percent + " % of " + reserved + " bytes of code cache");
            long metaspace = Long.parseLong(flags.get("MetaspaceSize"));
            assertTrue(metaspace > metadataAtStart * 1.25, "first metadata collection at " + metaspace + " bytes");
        }
    }

    /** The flags of a JVM of this JDK started with {@code options}, as {@code -XX:+PrintFlagsFinal} prints them. */
    private static Map<String, String> finalFlags(List<String> options) throws IOException, InterruptedException {
        String out = java(options, "-XX:+PrintFlagsFinal", "-version");
        Map<String, String> flags = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)").matcher(out);
        while (m.find()) flags.put(m.group(1), m.group(2));
        return flags;
    }

    /** The output (stdout and stderr) of this JDK's java started with {@code options}, then {@code args}; it must exit 0. */
    private static String java(List<String> options, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void keysNameWhatAnOptionSets() {
        assertEquals("-Xss", NodeJvmOptions.key("-Xss1m"));
        assertEquals("GC", NodeJvmOptions.key("-XX:+UseParallelGC"));
        assertEquals("-XX:ReservedCodeCacheSize", NodeJvmOptions.key("-XX:ReservedCodeCacheSize=32m"));
        assertEquals("-XX:UseCompactObjectHeaders", NodeJvmOptions.key("-XX:-UseCompactObjectHeaders"));
        assertEquals("-Dfoo", NodeJvmOptions.key("-Dfoo=bar"));
        assertEquals("--enable-preview", NodeJvmOptions.key("--enable-preview"));
    }

    @Test
    void everyCompileCommandTheUserGivesIsKeptForTheJvmAddsThemUp() {
        List<String> opts = NodeJvmOptions.of(false, Map.of(NodeJvmOptions.ALL_ENV, "-XX:CompileCommand=quiet",
                NodeJvmOptions.COMPUTE_ENV, "-XX:CompileCommand=exclude,a.B::c -XX:CompileCommand=exclude,a.B::d"));
        assertEquals(List.of("-XX:CompileCommand=quiet", "-XX:CompileCommand=exclude,a.B::c",
                "-XX:CompileCommand=exclude,a.B::d"), opts.subList(opts.size() - 3, opts.size()));
        assertEquals(1, opts.stream().filter(o -> o.equals("-XX:CompileCommand=quiet")).count(), opts.toString());
        assertEquals(NodeJvmOptions.PER_JOB_CODE.size(),
                opts.stream().filter(o -> o.contains("CompileThresholdScaling")).count(), opts.toString());
    }
}
