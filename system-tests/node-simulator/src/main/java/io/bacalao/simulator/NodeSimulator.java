package io.bacalao.simulator;

import io.bacalao.broker.client.BrokerEndpoint;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Many noop compute nodes in one JVM, speaking the real protocol over the real broker: each node logs in with its
 * own identity (node ID, {@code <token>:<secret>}), handshakes, heartbeats, bids and runs what it is given, and
 * {@link #ledger()} records every run. Cheap by construction: per node, one broker connection and two sessions,
 * no thread of its own — the nodes share one Artemis connection factory (its Netty event loop and global thread
 * pool deliver every node's messages) and {@link SimulatorSettings#timerThreads} timer threads for ticks and
 * delayed completions. Used by {@code bench/} (B2) and the system tests.
 *
 * <pre>{@code
 * try (NodeSimulator sim = NodeSimulator.start(SimulatorSettings.of("tcp://127.0.0.1:4222", token, 100))) {
 *     sim.awaitJoined(Duration.ofMinutes(1));
 *     ... submit noop jobs ...
 *     assertTrue(sim.ledger().partitionsRunTwice().isEmpty());
 * }
 * }</pre>
 */
public final class NodeSimulator implements AutoCloseable {
    /** How often each node checks whether a handshake, heartbeat or node info is due. */
    static final Duration TICK = Duration.ofMillis(250);
    private static final SecureRandom SECRETS = new SecureRandom();

    private final SimulatorSettings settings;
    private final ActiveMQConnectionFactory factory;
    private final ScheduledExecutorService timers;
    private final RunLedger ledger = new RunLedger();
    private final List<SimulatedNode> nodes = new ArrayList<>();

    private NodeSimulator(SimulatorSettings settings, Clock clock) {
        this.settings = settings;
        this.factory = new ActiveMQConnectionFactory(new BrokerEndpoint(settings.artemisUrl(), "", "").failFastUrl());
        AtomicInteger n = new AtomicInteger();
        this.timers = Executors.newScheduledThreadPool(settings.timerThreads(),
                r -> Thread.ofPlatform().daemon().name("node-simulator-" + n.incrementAndGet()).unstarted(r));
        for (int i = 1; i <= settings.nodes(); i++) {
            byte[] secret = new byte[32];
            SECRETS.nextBytes(secret);
            nodes.add(new SimulatedNode(settings.nodeId(i), HexFormat.of().formatHex(secret), settings, factory, timers,
                    ledger, clock));
        }
    }

    /** Starts every node; each begins to handshake within one tick (spread over it so they do not all send at once). */
    public static NodeSimulator start(SimulatorSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    public static NodeSimulator start(SimulatorSettings settings, Clock clock) {
        NodeSimulator sim = new NodeSimulator(settings, clock);
        for (SimulatedNode node : sim.nodes) {
            sim.timers.scheduleWithFixedDelay(node::tick, ThreadLocalRandom.current().nextLong(TICK.toMillis()),
                    TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
        return sim;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public RunLedger ledger() {
        return ledger;
    }

    /** The simulated nodes' IDs, in index order. */
    public List<String> nodeIds() {
        return nodes.stream().map(SimulatedNode::nodeId).toList();
    }

    /** How many nodes are joined (their last handshake was accepted and their link is up). */
    public int joinedCount() {
        return (int) nodes.stream().filter(SimulatedNode::isRegistered).count();
    }

    /** Waits until every node is joined; throws {@link IllegalStateException} after {@code timeout}. */
    public void awaitJoined(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (joinedCount() < nodes.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(joinedCount() + " of " + nodes.size() + " simulated nodes joined the"
                        + " orchestrator at " + settings.brokerUrl() + " within " + timeout.toSeconds() + "s");
            }
            Thread.sleep(TICK.toMillis());
        }
    }

    /** Each node says goodbye (ShutdownNotice) and closes its connection. */
    @Override
    public void close() {
        timers.shutdownNow();
        nodes.parallelStream().forEach(SimulatedNode::close);
        factory.close();
    }
}
