package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeJvmOptionsTest {
    @Test
    void rolesDifferOnlyInTheirHeapSizesAndCompileThresholds() {
        List<String> orchestrator = NodeJvmOptions.of(true, Map.of());
        List<String> compute = NodeJvmOptions.of(false, Map.of());
        assertTrue(orchestrator.contains("-Xmx768m"), orchestrator.toString());
        assertTrue(compute.contains("-Xmx384m"), compute.toString());
        assertTrue(compute.contains("-Xms48m") && compute.contains("-XX:+UseSerialGC"), compute.toString());
        assertTrue(compute.contains("-Xmn24m") && !orchestrator.contains("-Xmn24m"), orchestrator.toString());
        assertTrue(compute.contains("-XX:CompileThresholdScaling=0.1")
                && orchestrator.stream().noneMatch(o -> o.startsWith("-XX:CompileThresholdScaling")), orchestrator.toString());
        assertEquals(orchestrator.size() + 2, compute.size());
    }

    @Test
    void aComputeNodesCompileThresholdsCanBePutBackToTheJvmsDefault() {
        List<String> opts = NodeJvmOptions.of(false, Map.of(NodeJvmOptions.COMPUTE_ENV, "-XX:CompileThresholdScaling=1"));
        assertTrue(opts.contains("-XX:CompileThresholdScaling=1") && !opts.contains("-XX:CompileThresholdScaling=0.1"),
                opts.toString());
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

    @Test
    void keysNameWhatAnOptionSets() {
        assertEquals("-Xss", NodeJvmOptions.key("-Xss1m"));
        assertEquals("GC", NodeJvmOptions.key("-XX:+UseParallelGC"));
        assertEquals("-XX:ReservedCodeCacheSize", NodeJvmOptions.key("-XX:ReservedCodeCacheSize=32m"));
        assertEquals("-XX:UseCompactObjectHeaders", NodeJvmOptions.key("-XX:-UseCompactObjectHeaders"));
        assertEquals("-Dfoo", NodeJvmOptions.key("-Dfoo=bar"));
        assertEquals("--enable-preview", NodeJvmOptions.key("--enable-preview"));
    }
}
