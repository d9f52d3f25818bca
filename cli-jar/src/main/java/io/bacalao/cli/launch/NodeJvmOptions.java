package io.bacalao.cli.launch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JVM options of a node process, by role (figures and trade-offs in docs/node-footprint.md), and how a user
 * overrides them: {@value #ALL_ENV} for every node, then {@value #ORCHESTRATOR_ENV} or {@value #COMPUTE_ENV}
 * for one role. An option given there replaces the default it names (same -Xmx/-Xms/-Xss, same -XX flag, any
 * -XX:+Use…GC replaces the default collector), so e.g. {@code BACALAO_NODE_JAVA_OPTS="-XX:+UseG1GC -Xmx2g"}
 * works without a "conflicting collector" error.
 */
public final class NodeJvmOptions {
    static final String ALL_ENV = "BACALAO_NODE_JAVA_OPTS";
    static final String ORCHESTRATOR_ENV = "BACALAO_ORCHESTRATOR_JAVA_OPTS";
    static final String COMPUTE_ENV = "BACALAO_COMPUTE_JAVA_OPTS";

    /**
     * Options common to both roles. The initial heap is the one that matters for RSS: left to the JVM it is 1/64
     * of the machine's memory (368 MB on a 23 GB machine), which the serial collector commits at start and never
     * returns, although a node's live data after start is under 100 MB. The serial collector: one GC thread and
     * no concurrent work, on machines where several nodes share two cores. Compact object headers (JDK 25) make
     * every object 4 bytes smaller. Thread stacks stay at their default: with -Xss512k a compute node hit a
     * StackOverflowError in an Artemis client thread (Payara's class loader logging while it loads a class recurses deeply).
     * The serial collector shrinks the heap only after a full collection, and by default only part of the way
     * ({@code ShrinkHeapInSteps}); with it off, the full collections a node makes once its start has settled and
     * whenever it is quiet after its heap grew (the applications' {@code NodeUpkeep}) give back at once what
     * deployment or a burst of work grew. Memory that threads freed stays in the C library's arenas unless
     * trimmed: the JVM trims them every 10 s. Netty's pooled allocator (the broker's and its clients' transport)
     * keeps one arena of each kind, heap and direct, instead of two per core: each arena holds at least one 4 MB
     * chunk for good once a thread allocated from it, which cost the orchestrator (broker and clients) eight chunks
     * and a compute node four; under B2's load one arena cost no CPU that the runs could show.
     *
     * <p>Contract: a node's start makes no full collection for compiled code or class metadata. The JVM collects
     * the whole heap, to unload code, each time {@code SweeperThreshold} percent of the code cache has been
     * compiled since the last unloading (9.6 MB of the 64 MB reserved at the default 15 %: twice per compute node
     * start, which compiles ~22 MB, once per orchestrator start, ~15 MB), and, without a class archive, each time
     * class metadata passes {@code MetaspaceSize}, raised step by step from 21 MB (four times per start, which ends
     * at ~115 MB in a compute node and ~121 MB in the orchestrator). At 50 % (32 MB of new code) and 160 MB neither
     * happens during a start; each such collection took 0.1-0.5 s of a node's start (docs/node-footprint.md,
     * "No collections for code or metadata at start"). Code that could be unloaded is not, until the node's own
     * collection once its start has settled; the JVM still collects whenever the code cache runs short
     * ({@code StartAggressiveSweepingAt}).
     */
    private static final List<String> COMMON = List.of("-XX:+UseSerialGC", "-Xms48m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=20", "-XX:-ShrinkHeapInSteps", "-XX:TrimNativeHeapInterval=10000",
            "-XX:+UseCompactObjectHeaders", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m",
            "-XX:SweeperThreshold=50", "-XX:MetaspaceSize=160m", "-Dio.netty.allocator.numHeapArenas=1",
            "-Dio.netty.allocator.numDirectArenas=1");

    /** The defaults before issue 13 (-Xmx768m/-Xmx384m, serial, C1): the baseline B5Footprint compares against. */
    public static List<String> previous(boolean orchestrator) {
        return List.of(orchestrator ? "-Xmx768m" : "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    private NodeJvmOptions() {
    }

    /**
     * A node's defaults: {@link #COMMON} and the role's heap. A compute node's young generation is fixed at 24 MB
     * (the serial collector would size it at a third of the heap, ~50 MB after start, committed for good): its
     * allocations are short-lived message and HTTP buffers, so a small young generation costs only more frequent,
     * short minor collections. Not smaller: at 8 MB a compute node idled ~8 MB smaller but spent ~0.7-1 ms (~8 %)
     * more CPU per job under B2's load. The orchestrator's keeps the collector's sizing: a seventh of the heap
     * ({@code -XX:NewRatio=6}) saved ~29 MB of idle RSS but cost ~10 % more CPU per job under load (B9, same run),
     * its burst garbage promoted early (docs/node-footprint.md).
     *
     * <p>A compute node compiles the code of its per-job path once it has run a tenth as often as the JVM's
     * default asks ({@link #PER_JOB_CODE}, {@code CompileThresholdScaling=0.1} for their methods): each node of
     * a devstack sees only its share of the jobs, so with the default thresholds that code ran interpreted for its
     * first few hundred jobs, and B1's measured jobs ran on nodes still warming up. Only for those prefixes: the
     * whole JVM at 0.1 also compiled ~9,700 methods that only the node's start runs (~9 MB of code, ~15 MB of idle
     * RSS), of which the default compiled ~1,600 after 400 jobs (docs/node-footprint.md, "Per-job code compiled
     * sooner"). The orchestrator, which sees every job, gained nothing from it and keeps the default.
     */
    public static List<String> defaults(boolean orchestrator) {
        List<String> opts = new ArrayList<>(COMMON);
        opts.addAll(orchestrator ? List.of("-Xmx768m") : computeOnly());
        return opts;
    }

    /**
     * Where a compute node's per-job code is: the packages (and one class-name prefix) of the methods it compiled
     * after 400 noop jobs, at the JVM's default thresholds, that its start had not compiled (~5,300 methods). The
     * first eight hold 72 % of them; the others are the EJB container's, the transaction manager's and the JDK's
     * parts of the path, which B1 missed when only the eight were listed (c=1 p50 ~3 ms slower, its p99 over
     * 150 ms in two of four runs) and which the start runs little (~800 methods, ~1 MB of code).
     */
    static final List<String> PER_JOB_CODE = List.of("io.bacalao.", "org.eclipse.persistence.", "org.h2.",
            "com.fasterxml.jackson.", "org.apache.activemq.", "io.netty.", "com.sun.ejb.", "com.sun.gjc.",
            "com.sun.enterprise.resource.", "com.sun.enterprise.transaction.", "com.sun.enterprise.connectors.",
            "com.sun.enterprise.container.", "org.glassfish.api.invocation.", "org.glassfish.exousia.",
            "org.glassfish.ejb.", "jakarta.security.jacc.", "org.apache.commons.compress.", "org.jboss.weld.contexts.",
            "java.util.concurrent.", "java.nio.file.", "sun.nio.fs.", "sun.nio.ch.", "java.math.",
            "java.lang.invoke.MethodHandle");

    private static List<String> computeOnly() {
        List<String> opts = new ArrayList<>(List.of("-Xmx384m", "-Xmn24m", "-XX:CompileCommand=quiet"));
        for (String p : PER_JOB_CODE) opts.add("-XX:CompileCommand=CompileThresholdScaling," + p + "*::*,0.1");
        return opts;
    }

    /** The defaults with the user's options of {@code env} applied (all nodes first, then the role's). */
    static List<String> of(boolean orchestrator, Map<String, String> env) {
        List<String> opts = override(defaults(orchestrator), split(env.get(ALL_ENV)));
        return override(opts, split(env.get(orchestrator ? ORCHESTRATOR_ENV : COMPUTE_ENV)));
    }

    /** {@code base} less the options that {@code extra} replaces, then {@code extra} in its order. */
    public static List<String> override(List<String> base, List<String> extra) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String o : base) byKey.put(key(o), o);
        for (String o : extra) {
            byKey.remove(key(o));
            byKey.put(key(o), o);
        }
        return List.copyOf(byKey.values());
    }

    /**
     * -XX flags that the JVM accumulates (HotSpot's {@code ccstrlist} flags): each occurrence adds to the ones
     * before, so none replaces another.
     */
    private static final Set<String> ACCUMULATING = Set.of("CompileCommand", "OnError", "OnOutOfMemoryError");

    /**
     * What an option sets: -Xmx/-Xms/-Xss, "GC" for any collector choice, the -XX flag's name, the -D property;
     * an option that sets nothing another one could replace (an accumulating -XX flag, -Xlog, an agent) is its
     * own key.
     */
    static String key(String option) {
        for (String p : new String[]{"-Xmx", "-Xms", "-Xss", "-Xmn", "-Xshare:"}) if (option.startsWith(p)) return p;
        if (option.matches("-XX:[+-]Use[A-Za-z0-9]*GC")) return "GC";
        if (option.startsWith("-XX:")) {
            String flag = option.substring(4).replaceFirst("^[+-]", "");
            int eq = flag.indexOf('=');
            String name = eq < 0 ? flag : flag.substring(0, eq);
            return ACCUMULATING.contains(name) ? option : "-XX:" + name;
        }
        if (option.startsWith("-D")) {
            int eq = option.indexOf('=');
            return eq < 0 ? option : option.substring(0, eq);
        }
        return option;
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }
}
