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
 * docker-java's httpclient5 transport. Connects lazily; {@link #available()} tells whether an engine answers.
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
    private volatile DockerClient client;
    /** Images known to be on the engine (bounded by what the engine holds: only images it had or pulled enter). */
    private final Set<String> present = ConcurrentHashMap.newKeySet();

    public DockerEngine() {
    }

    /** For tests: an engine at a given host (e.g. unix:///var/run/docker.sock). */
    public static DockerEngine at(String host) {
        DockerEngine e = new DockerEngine();
        e.client = connect(host);
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
                if (client == null) {
                    client = connect(configuredHost());
                }
                c = client;
            }
        }
        return c;
    }

    private static DockerClient connect(String host) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        var http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig()).maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofMinutes(10)).build();
        return DockerClientImpl.getInstance(config, http);
    }

    public boolean available() {
        try {
            client().pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
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
        } catch (IOException ignored) {
            // shutting down
        }
    }
}
