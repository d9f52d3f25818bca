package io.bacalao.compute.executor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.executor.Cancels;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.ExecutionOutcome;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.executor.Executor;
import io.bacalao.compute.logs.OutputCapture;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.quantity.Quantities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs executions as Docker containers (reference §5.5). A non-zero exit code is a completed run; an image
 * that cannot be had, a container that cannot start, a timeout, an out-of-memory kill or a cancel are failures.
 * The container is removed in every case, by {@link #cleanUp} once the outcome is reported (removal takes the
 * engine tens of milliseconds that the job's latency need not include); containers a crash left are removed at
 * start-up ({@link #recover}).
 */
@ApplicationScoped
public class DockerExecutor implements Executor {
    @Inject
    DockerEngine engine;
    @Inject
    ComputeSettings settings;
    private String nodeId;
    private ContainerSecurity security;
    private final Cancels cancels = new Cancels();
    private final HttpNetworks httpNetworks = new HttpNetworks();

    public DockerExecutor() {
    }

    /** For tests: an executor on a given engine, for a given node ID. */
    public static DockerExecutor on(DockerEngine engine, String nodeId) {
        return on(engine, nodeId, ContainerSecurity.defaults());
    }

    /** For tests: an executor with given container rules. */
    public static DockerExecutor on(DockerEngine engine, String nodeId, ContainerSecurity security) {
        DockerExecutor e = new DockerExecutor();
        e.engine = engine;
        e.nodeId = nodeId;
        e.security = security;
        return e;
    }

    private ContainerSecurity security() {
        return security != null ? security : ContainerSecurity.from(settings.config());
    }

    private String nodeId() {
        return nodeId != null ? nodeId : settings.nodeId();
    }

    @Override
    public String engine() {
        return "docker";
    }

    @Override
    public boolean isInstalled() {
        return engine.available();
    }

    /** An HTTP network needs this node's egress proxy on the job's network, so an engine on this host. */
    @Override
    public Optional<String> refusal(Job job) {
        String host = DockerEngine.configuredHost();
        if (job.task().network().type() != NetworkType.HTTP || DockerEngine.isOnThisHost(host)) return Optional.empty();
        return Optional.of("this node does not support HTTP networking: its Docker engine (" + host + ") is not on this"
                + " host, where the egress proxy of the job's network must run");
    }

    /** Makes sure the job's image is on the node (pulling it if need be) while the runner fetches the inputs. */
    @Override
    public void prepare(Job job) throws ExecutionFailure {
        String image = job.task().engine().param("Image");
        if (image != null && !image.isBlank()) engine.ensureImage(ImageReference.withDefaultTag(image.strip()));
    }

    /** Runs the container to its end; the stopped container stays until {@link #cleanUp} (after the report). */
    @Override
    public ExecutionOutcome run(ExecutionRequest request) throws ExecutionFailure {
        Cancels.Cancel cancel = cancels.open(request.executionId());
        try {
            ContainerPlan plan = ContainerPlan.of(request, nodeId(), security());
            if (plan.needsEgressProxy()) {
                HttpNetworks.Opened net = httpNetworks.open(engine.client(), request.executionId(),
                        request.job().task().network().domains(), plan.labels());
                plan = plan.withEgress(net.network(), net.proxyUrl());
            }
            boolean imageKnown = engine.knowsImage(plan.image());
            engine.ensureImage(plan.image());
            if (cancel.isCancelled()) throw Cancels.failure();
            DockerClient docker = engine.client();
            String id = createWithImage(docker, plan, imageKnown);
            cancel.onCancel(() -> kill(docker, id));
            start(docker, id, plan);
            if (cancel.isCancelled()) {
                kill(docker, id);
                throw Cancels.failure();
            }
            return awaitEnd(docker, id, plan, request, cancel);
        } finally {
            cancels.close(request.executionId());
        }
    }

    /** Removes the execution's container (by its name), whether it ran, failed, was cancelled or never existed. */
    @Override
    public void cleanUp(String executionId) {
        try {
            engine.remove(ContainerPlan.nameOf(executionId));
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(DockerExecutor.class.getName()).warning(() -> "could not remove the container of "
                    + executionId + " (" + DockerMessages.of(e) + "); the node removes it when it next starts");
        }
        httpNetworks.close(engine.client(), executionId);
    }

    /**
     * Creates the container; when the engine no longer has an image this node remembered as present (removed behind
     * its back), forgets it, fetches it again and creates once more.
     */
    private String createWithImage(DockerClient docker, ContainerPlan plan, boolean imageKnown) throws ExecutionFailure {
        try {
            return create(docker, plan);
        } catch (NotFoundException missing) {
            if (!imageKnown) throw new ExecutionFailure("could not create the container: " + DockerMessages.of(missing));
            engine.forgetImage(plan.image());
            engine.ensureImage(plan.image());
            try {
                return create(docker, plan);
            } catch (NotFoundException stillMissing) {
                throw new ExecutionFailure("could not create the container: " + DockerMessages.of(stillMissing));
            }
        }
    }

    /** Follows a started container to its end: its exit code, or the failure (timeout, cancel, out of memory). */
    private static ExecutionOutcome awaitEnd(DockerClient docker, String id, ContainerPlan plan, ExecutionRequest request,
            Cancels.Cancel cancel) throws ExecutionFailure {
        Streams streams = new Streams(request.output());
        docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).exec(streams);
        long timeout = request.job().task().timeouts().effectiveExecutionTimeout();
        Integer exit = waitFor(docker, id, timeout);
        if (exit == null) {
            kill(docker, id);
            throw new ExecutionFailure("execution timed out after " + timeout + "s and was killed");
        }
        awaitQuietly(streams);
        catchUp(docker, id, streams);
        if (cancel.isCancelled()) throw Cancels.failure();
        InspectContainerResponse state = docker.inspectContainerCmd(id).exec();
        if (Boolean.TRUE.equals(state.getState().getOOMKilled())) {
            throw new ExecutionFailure("the container ran out of memory and was killed (limit "
                    + Quantities.formatBytes(plan.memoryBytes()) + "); ask for more with --memory");
        }
        return new ExecutionOutcome(exit);
    }

    /** Creates the container; a missing image comes out as the engine's NotFoundException, other errors as failures. */
    private static String create(DockerClient docker, ContainerPlan plan) throws ExecutionFailure {
        try {
            CreateContainerCmd cmd = docker.createContainerCmd(plan.image()).withName(plan.name())
                    .withEnv(plan.env()).withLabels(plan.labels()).withHostConfig(plan.hostConfig()).withTty(false);
            if (!plan.entrypoint().isEmpty()) cmd.withEntrypoint(plan.entrypoint());
            if (!plan.cmd().isEmpty()) cmd.withCmd(plan.cmd());
            if (!plan.workingDir().isBlank()) cmd.withWorkingDir(plan.workingDir());
            if (!plan.exposedPorts().isEmpty()) cmd.withExposedPorts(plan.exposedPorts());
            return cmd.exec().getId();
        } catch (NotFoundException missingImage) {
            throw missingImage;
        } catch (RuntimeException e) {
            throw new ExecutionFailure("could not create the container: " + DockerMessages.of(e));
        }
    }

    private static void start(DockerClient docker, String id, ContainerPlan plan) throws ExecutionFailure {
        try {
            docker.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            String m = DockerMessages.of(e);
            if (plan.gpus() > 0 && DockerMessages.isMissingGpuRuntime(m)) {
                throw new ExecutionFailure("this node has no GPU runtime for Docker (" + m + ")");
            }
            throw new ExecutionFailure("could not start the container: " + m);
        }
    }

    /** The exit code, or null when {@code timeoutSeconds} (0 = none) passed first. */
    private static Integer waitFor(DockerClient docker, String id, long timeoutSeconds) throws ExecutionFailure {
        WaitContainerResultCallback wait = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback());
        try {
            return timeoutSeconds > 0 ? wait.awaitStatusCode(timeoutSeconds, TimeUnit.SECONDS) : wait.awaitStatusCode();
        } catch (DockerClientException timedOut) {
            return null;
        } catch (RuntimeException e) {
            throw new ExecutionFailure("lost the container while waiting for it: " + DockerMessages.of(e));
        }
    }

    private static void kill(DockerClient docker, String id) {
        try {
            docker.killContainerCmd(id).withSignal("KILL").exec();
        } catch (RuntimeException alreadyStopped) {
            // nothing left to kill
        }
    }

    private static void awaitQuietly(ResultCallback.Adapter<Frame> streams) {
        try {
            streams.awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the ended container's log once more, without following, and keeps what the live stream missed: a
     * follow request that reaches the engine as the container exits can end early or empty (moby/moby#16463), while
     * the log of an ended container is complete. Bytes the live stream already delivered are skipped, stream by
     * stream, so nothing is written twice.
     */
    private static void catchUp(DockerClient docker, String id, Streams live) {
        Streams rest = live.endAndContinue();
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false).exec(rest);
            awaitQuietly(rest);
        } catch (RuntimeException gone) {
            // the container is gone: what the live stream delivered is all there is
        }
    }

    /** Removes containers of this node that a crash left behind (labelled with the node ID). */
    @Override
    public void recover() {
        int removed = engine.removeLeftovers(nodeId());
        int networks = httpNetworks.removeLeftovers(engine.client(), nodeId());
        if (networks > 0) java.util.logging.Logger.getLogger(DockerExecutor.class.getName())
                .info(() -> "removed " + networks + " HTTP network(s) left by a previous run of this node");
        if (removed > 0) java.util.logging.Logger.getLogger(DockerExecutor.class.getName())
                .info(() -> "removed " + removed + " container(s) left by a previous run of this node");
    }

    @Override
    public void cancel(String executionId) {
        cancels.cancel(executionId);
    }

    /**
     * Docker's multiplexed log frames, split into the execution's stdout and stderr, skipping the first
     * {@code skipOut}/{@code skipErr} bytes of each stream (those an earlier reading delivered).
     */
    private static final class Streams extends ResultCallback.Adapter<Frame> {
        private final OutputCapture output;
        private long skipOut;
        private long skipErr;
        private long seenOut;
        private long seenErr;
        private boolean ended;

        Streams(OutputCapture output) {
            this(output, 0, 0);
        }

        private Streams(OutputCapture output, long skipOut, long skipErr) {
            this.output = output;
            this.skipOut = skipOut;
            this.skipErr = skipErr;
        }

        @Override
        public synchronized void onNext(Frame f) {
            if (ended) return;
            byte[] p = f.getPayload();
            boolean err = f.getStreamType() == StreamType.STDERR;
            long skip = Math.min(p.length, err ? skipErr : skipOut);
            if (err) {
                skipErr -= skip;
                seenErr += p.length;
            } else {
                skipOut -= skip;
                seenOut += p.length;
            }
            int from = (int) skip;
            if (from == p.length) return;
            try {
                if (err) output.stderr(p, from, p.length - from);
                else output.stdout(p, from, p.length - from);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Stops this reading (frames still in flight are dropped) and returns one that goes on where it ended. */
        synchronized Streams endAndContinue() {
            ended = true;
            try {
                close();
            } catch (IOException ignored) {
                // the connection is closed either way
            }
            return new Streams(output, seenOut, seenErr);
        }
    }
}
