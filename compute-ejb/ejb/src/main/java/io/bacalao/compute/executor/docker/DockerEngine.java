package io.bacalao.compute.executor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.bacalao.compute.executor.ExecutionFailure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The Docker engine this node talks to: {@code DOCKER_HOST} (the JVM's system property of that name, as docker-java
 * reads it, before the environment variable) or {@code unix:///var/run/docker.sock}, through
 * docker-java's httpclient5 transport. Connects lazily; {@link #available()} tells whether an engine answers, within
 * {@link #PROBE_TIMEOUT} (a client of its own: the main one waits up to 10 minutes for an answer, which a start or
 * a bid must never do for an engine that accepts connections and does not answer).
 * Remembers the images it has seen on the engine, so that a job whose image is known costs no image request; an
 * image removed behind its back is found out when a container cannot be created ({@link #forgetImage}).
 */
@ApplicationScoped
public class DockerEngine {
    static final String LABEL_MANAGED = "bacalao.managed";
    static final String LABEL_NODE = "bacalao.node";
    static final String LABEL_JOB = "bacalao.job";
    static final String LABEL_EXECUTION = "bacalao.execution";
    private static final Logger LOG = Logger.getLogger(DockerEngine.class.getName());
    /** How long {@link #available()} waits for the engine's answer to a ping. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private volatile DockerClient client;
    private volatile DockerClient probe;
    /** Images known to be on the engine (bounded by what the engine holds: only images it had or pulled enter). */
    private final Set<String> present = ConcurrentHashMap.newKeySet();

    public DockerEngine() {
    }

    /** For tests: an engine at a given host (e.g. unix:///var/run/docker.sock). */
    public static DockerEngine at(String host) {
        DockerEngine e = new DockerEngine();
        e.client = connect(host, 32, Duration.ofMinutes(10));
        e.probe = connect(host, 2, PROBE_TIMEOUT);
        return e;
    }

    /** The engine's address: DOCKER_HOST (system property, then environment) or the local socket. */
    static String configuredHost() {
        return System.getProperty("DOCKER_HOST", System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock"));
    }

    /**
     * Whether the engine runs on this host (a unix socket, or TCP on a loopback address), so that this node can listen
     * on the addresses of the engine's networks (the egress proxies of HTTP networks need it).
     */
    public static boolean isOnThisHost(String host) {
        return host.startsWith("unix://") || host.matches("tcp://(localhost|127\\.[0-9.]+|\\[::1\\])(:\\d+)?/?");
    }

    public DockerClient client() {
        DockerClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) client = connect(configuredHost(), 32, Duration.ofMinutes(10));
                c = client;
            }
        }
        return c;
    }

    private DockerClient probe() {
        DockerClient c = probe;
        if (c == null) {
            synchronized (this) {
                if (probe == null) probe = connect(configuredHost(), 2, PROBE_TIMEOUT);
                c = probe;
            }
        }
        return c;
    }

    private static DockerClient connect(String host, int connections, Duration responseTimeout) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        var http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig()).maxConnections(connections)
                .connectionTimeout(Duration.ofSeconds(5)).responseTimeout(responseTimeout).build();
        return DockerClientImpl.getInstance(config, http);
    }

    /**
     * Whether the engine answers a ping within {@link #PROBE_TIMEOUT}. The ping runs on a thread of its own that
     * is interrupted after that: over a Unix socket the transport's response timeout does not bound a read, and an
     * engine that accepts connections without answering held a node's deployment for good.
     */
    public boolean available() {
        var ping = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            probe().pingCmd().exec();
            return true;
        }, command -> Thread.ofPlatform().daemon().name("docker-probe").start(command));
        try {
            return ping.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warning(() -> "the Docker engine at " + configuredHost() + " accepted a connection but did not answer a ping within "
                    + PROBE_TIMEOUT.toSeconds() + " s; not offering docker until it does");
            dropProbe();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Closes the probe client (which unblocks a ping stuck in a read); the next check connects again. */
    private synchronized void dropProbe() {
        DockerClient stuck = probe;
        probe = null;
        try {
            if (stuck != null) stuck.close();
        } catch (IOException ignored) {
            // it was stuck anyway
        }
    }

    /**
     * Makes sure the image is present, pulling it when it is not (an untagged image: {@code :latest} only, never all
     * tags); fails with a message a user can act on.
     */
    public void ensureImage(String image) throws ExecutionFailure {
        if (present.contains(image)) return;
        pullIfMissing(image);
        present.add(image);
    }

    /** Whether {@link #ensureImage} would answer without asking the engine. */
    public boolean knowsImage(String image) {
        return present.contains(image);
    }

    /** Forgets that {@code image} was present (the engine said it is not), so that the next use checks again. */
    public void forgetImage(String image) {
        present.remove(image);
    }

    private void pullIfMissing(String image) throws ExecutionFailure {
        try {
            client().inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException missing) {
            LOG.info(() -> "pulling image " + image);
        }
        try {
            String reference = ImageReference.withDefaultTag(image);
            if (!client().pullImageCmd(ImageReference.repository(reference)).withTag(ImageReference.tagOrDigest(reference))
                    .start().awaitCompletion(10, TimeUnit.MINUTES)) {
                throw new ExecutionFailure("pulling image " + image + " took longer than 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionFailure("interrupted while pulling image " + image);
        } catch (RuntimeException e) {
            throw new ExecutionFailure("image " + image + " is not on this node and could not be pulled: "
                    + DockerMessages.of(e));
        }
    }

    /** Removes the containers a previous run of this node left behind (e.g. after a crash). */
    public int removeLeftovers(String nodeId) {
        try {
            List<Container> left = client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(java.util.Map.of(LABEL_NODE, nodeId)).exec();
            for (Container c : left) remove(c.getId());
            return left.size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Removes a container (by ID or name) with its anonymous volumes; one that is already gone is no error. */
    public void remove(String containerId) {
        try {
            client().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // already removed
        }
    }

    @PreDestroy
    void close() {
        try {
            if (client != null) client.close();
            if (probe != null) probe.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }
}
