package io.bacalao.compute.network;

import io.bacalao.domain.model.NetworkConfig;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.PortMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Host ports for the port mappings of a task's Host or Bridge network, as Bacalhau's
 * {@code pkg/compute/port_allocator.go}: a mapping's {@code Static} port is used as given (any port, inside the
 * range or not), the others get the next free port of the node's range {@code [start, end]} in round-robin order,
 * and a Bridge mapping without a {@code Target} gets its host port as target. A port is free when no execution of
 * this node holds it and {@code isFree} says the host can bind it (which also finds ports held by other programs
 * and by containers the node does not know of).
 * <p>
 * The state is in memory: after a restart no execution holds a port, which is right because the node removes the
 * containers of its previous run before it runs anything ({@code Executor#recover}); anything else still holding a
 * port is found by {@code isFree}. Thread-safe.
 */
public final class PortAllocator {
    private final int start;
    private final int end;
    private final IntPredicate isFree;
    private final Set<Integer> used = new HashSet<>();
    private final Map<String, List<Integer>> byExecution = new HashMap<>();
    private int lastAllocated;

    /** An allocator whose first dynamic port is {@code start}. */
    public PortAllocator(int start, int end, IntPredicate isFree) {
        this(start, end, start, isFree);
    }

    /**
     * An allocator whose first dynamic port is {@code firstTry} (moved into the range). Compute nodes sharing a host
     * start at different places, so that two of them rarely probe the same free port at the same moment.
     *
     * @throws IllegalArgumentException when the range is not within 1024..65535 with start below end
     */
    public PortAllocator(int start, int end, int firstTry, IntPredicate isFree) {
        if (start < 1024) throw new IllegalArgumentException("start port must be >= 1024 (got " + start + ")");
        if (end > 65535) throw new IllegalArgumentException("end port must be <= 65535 (got " + end + ")");
        if (start >= end) throw new IllegalArgumentException("start port must be less than end port (" + start + "-" + end + ")");
        this.start = start;
        this.end = end;
        this.isFree = isFree;
        this.lastAllocated = start + Math.floorMod(firstTry - start, end - start + 1) - 1;
    }

    /** Whether a network of this type gets host ports (Host, its alias Full, and Bridge). */
    public static boolean allocatesPorts(NetworkType type) {
        return type == NetworkType.Host || type == NetworkType.Full || type == NetworkType.Bridge;
    }

    /**
     * Why the mappings of {@code network} could not all be given ports now (a static port held, or too few free ports
     * in the range), or empty when they could. Holds nothing: the ports are taken by {@link #allocate}.
     */
    public synchronized Optional<String> refusal(NetworkConfig network) {
        if (!allocatesPorts(network.type()) || network.ports().isEmpty()) return Optional.empty();
        List<String> problems = new ArrayList<>();
        int dynamic = 0;
        for (PortMapping p : network.ports()) {
            if (p.staticPort() == 0) {
                dynamic++;
            } else if (!available(p.staticPort())) {
                problems.add("static port " + p.staticPort() + " (" + p.name() + ") is in use");
            }
        }
        if (dynamic > 0 && freeInRange(dynamic, network) < dynamic) {
            problems.add("no " + dynamic + " free port(s) in its range " + start + "-" + end);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", problems));
    }

    /**
     * Takes host ports for every mapping of {@code network} on behalf of {@code executionId} (releasing any it held)
     * and returns the mappings with {@code Static} (the host port) and, for Bridge, {@code Target} set; all or none.
     *
     * @throws PortsUnavailable when a static port is in use or the range has no free port left
     */
    public synchronized List<PortMapping> allocate(String executionId, NetworkConfig network) throws PortsUnavailable {
        release(executionId);
        if (!allocatesPorts(network.type()) || network.ports().isEmpty()) return List.of();
        List<Integer> taken = new ArrayList<>();
        List<PortMapping> result = new ArrayList<>();
        try {
            for (PortMapping p : network.ports()) {
                int host = p.staticPort() != 0 ? takeStatic(p.staticPort()) : takeDynamic();
                taken.add(host);
                int target = network.type() == NetworkType.Bridge && p.target() == 0 ? host : p.target();
                result.add(new PortMapping(p.name(), host, target, p.hostNetwork()));
            }
        } catch (PortsUnavailable e) {
            used.removeAll(taken);
            throw e;
        }
        byExecution.put(executionId, List.copyOf(taken));
        return List.copyOf(result);
    }

    /** Frees the ports {@code executionId} holds; nothing when it holds none. */
    public synchronized void release(String executionId) {
        List<Integer> ports = byExecution.remove(executionId);
        if (ports != null) ports.forEach(used::remove);
    }

    /** How many ports executions hold now. */
    public synchronized int inUse() {
        return used.size();
    }

    private int takeStatic(int port) throws PortsUnavailable {
        if (used.contains(port)) throw new PortsUnavailable("port " + port + " is already in use by another execution");
        if (!isFree.test(port)) throw new PortsUnavailable("port " + port + " is in use");
        used.add(port);
        return port;
    }

    /** Round-robin from the last port given, so that a port just released is not handed out again at once. */
    private int takeDynamic() throws PortsUnavailable {
        int size = end - start + 1;
        int offset = lastAllocated + 1 - start;
        if (offset < 0 || offset >= size) offset = 0;
        for (int i = 0; i < size; i++) {
            int port = start + (offset + i) % size;
            if (available(port)) {
                used.add(port);
                lastAllocated = port;
                return port;
            }
        }
        throw new PortsUnavailable("no available ports in range " + start + "-" + end);
    }

    private boolean available(int port) {
        return !used.contains(port) && isFree.test(port);
    }

    /** Free ports in the range, counted up to {@code wanted}, not counting the static ports {@code network} asks for. */
    private int freeInRange(int wanted, NetworkConfig network) {
        Set<Integer> statics = new HashSet<>();
        network.ports().forEach(p -> statics.add(p.staticPort()));
        int found = 0;
        for (int port = start; port <= end && found < wanted; port++) {
            if (!statics.contains(port) && available(port)) found++;
        }
        return found;
    }

    /** A mapping could not be given a host port. */
    public static final class PortsUnavailable extends Exception {
        public PortsUnavailable(String message) {
            super(message);
        }
    }
}
