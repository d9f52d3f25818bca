package io.bacalao.compute.run;

import io.bacalao.compute.concurrency.NodeThreads;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.env.EnvResolver;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.ExecutionOutcome;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.executor.Executor;
import io.bacalao.compute.executor.Executors;
import io.bacalao.compute.logs.OutputCapture;
import io.bacalao.compute.messaging.Reports;
import io.bacalao.compute.network.NodePorts;
import io.bacalao.compute.publisher.PublishException;
import io.bacalao.compute.publisher.PublishRequest;
import io.bacalao.compute.publisher.Publishers;
import io.bacalao.compute.publisher.ResultPublisher;
import io.bacalao.compute.storage.InputPreparer;
import io.bacalao.compute.storage.InputSettings;
import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.quantity.Quantities;
import io.bacalao.compute.store.ExecutionStore;
import io.bacalao.compute.store.LocalExecution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.RunOutput;
import io.bacalao.domain.model.SpecConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one approved execution (reference §5.4): Running (reported only once the run has lasted
 * {@code Compute.Executions.RunningReportDelay}, {@link RunningReport}) → inputs (while the executor prepares, e.g. fetches the
 * image) → executor → results folder ({@code stdout},
 * {@code stderr}, {@code exitCode}, one folder per output) → publisher → Completed with a summary, or Failed
 * with the reason (a full disk told as such, {@link DiskFull}). A cancelled execution reports nothing; the
 * orchestrator already knows. Results bigger than the
 * task's {@code Resources.Disk} fail the execution before they are published. However it ends, once it is
 * An end is recorded (with its report) through an outage of the execution store ({@link StoreOutage}). Once it is
 * reported the executor cleans up (e.g. removes the container), the host ports of its port mappings are released
 * ({@link NodePorts}, taken just before the executor runs) and the execution's folder keeps only its logs
 * ({@link ExecutionFolders}).
 */
@ApplicationScoped
public class ExecutionRunner {
    private static final Logger LOG = Logger.getLogger(ExecutionRunner.class.getName());

    @Inject
    ExecutionStore store;
    @Inject
    Executors executors;
    @Inject
    Reports reports;
    @Inject
    ComputeSettings settings;
    @Inject
    Publishers publishers;
    @Inject
    InputPreparer inputPreparer;
    @Inject
    NodePorts ports;
    @Inject
    Clock clock;
    @Inject
    NodeThreads threads;

    /** An execution's end is recorded through an outage of its store, not lost (the node keeps the result). */
    private final StoreOutage outage = new StoreOutage(() -> store.answers(), Thread::sleep);

    private List<Mount> inputs(LocalExecution e, Path dir) throws StorageException {
        return inputPreparer.prepare(e.job().task().inputSources(), dir, InputSettings.from(settings.config()));
    }

    private SpecConfig publish(LocalExecution e, Path results) throws PublishException {
        SpecConfig spec = e.job().task().publisher();
        if (spec.isEmpty()) return SpecConfig.of("");
        ResultPublisher p = publishers.forType(spec.type())
                .orElseThrow(() -> new PublishException("publisher " + spec.type() + " is not available on this node", null));
        return p.publish(new PublishRequest(e.id(), e.job().id(), settings.nodeId(), spec, results));
    }

    public void run(LocalExecution approved) {
        Optional<LocalExecution> running = store.update(approved.id(),
                e -> e.moved(ExecutionStateType.Running, ""));
        if (running.isEmpty()) return;
        LocalExecution e = running.get();
        Optional<Executor> found = executors.forEngine(e.job().task().engine().type());
        RunningReport runningReport = null;
        try {
            runningReport = RunningReport.after(runningReportDelay(), threads.timers(), () -> reportIfStillRunning(e.id()));
            Executor executor = found.orElseThrow(() -> new ExecutionFailure("engine " + e.job().task().engine().type()
                    + " is not available on this node"));
            if (settings.config().getBool(ConfigKeys.COMPUTE_BAD_ACTOR)) {
                throw new ExecutionFailure("node " + settings.nodeId() + " is a bad actor (" + ConfigKeys.COMPUTE_BAD_ACTOR
                        + "): it fails every execution");
            }
            Path dir = settings.executionDir(e.id());
            Path results = Files.createDirectories(dir.resolve("results"));
            ResultsFolder.prepare(results, e.job().task().resultPaths());
            Preparation prepared = e.job().task().inputSources().isEmpty() ? null
                    : Preparation.start(threads.work(), () -> executor.prepare(e.job()));
            List<Mount> inputs = inputs(e, dir);
            if (prepared != null) prepared.await();
            ExecutionOutcome outcome;
            Execution withPorts = e.execution().withJob(ports.allocate(e.id(), e.job()));
            OutputCapture capture = new OutputCapture(results, dir.resolve("logs"), outputCap());
            try (capture) {
                outcome = executor.run(new ExecutionRequest(withPorts, dir, results, inputs,
                        Environment.of(withPorts, EnvResolver.from(settings.config())), capture));
            }
            runningReport.close();
            RunOutput output = ResultsFolder.finish(results, outcome.exitCode(), capture.stdoutTruncated(),
                    capture.stderrTruncated());
            ResultsFolder.checkDisk(results, Resources.parse(e.job().task().resources()).disk());
            SpecConfig published = publish(e, results);
            outage.through("execution " + e.id() + " completed",
                    () -> store.update(e.id(), cur -> cur.completed(published, output), reports::finished));
        } catch (ExecutionFailure | IOException | StorageException | PublishException | RuntimeException failure) {
            String message = DiskFull.causedBy(failure) ? DiskFull.message(settings.nodeId(), settings.executionDir(e.id()))
                    : failure instanceof ExecutionFailure || failure instanceof StorageException
                    || failure instanceof PublishException ? failure.getMessage()
                    : "execution failed on node " + settings.nodeId() + ": " + failure;
            if (!(failure instanceof ExecutionFailure)) LOG.log(Level.WARNING, "execution " + e.id() + " failed", failure);
            String topic = failure instanceof ExecutionFailure f ? f.topic() : EventTopics.EXECUTION;
            outage.through("execution " + e.id() + " failed", () -> store.update(e.id(),
                    cur -> cur.moved(ExecutionStateType.Failed, message), failed -> reports.finished(failed, topic)));
        } finally {
            if (runningReport != null) runningReport.close();
            found.ifPresent(x -> x.cleanUp(e.id()));
            ports.release(e.id());
            release(e.id());
        }
    }

    /** Under the execution's row lock, which its end takes too: a Running report is never stored after the end. */
    private void reportIfStillRunning(String executionId) {
        store.whileLocked(executionId, cur -> {
            if (cur.state() == ExecutionStateType.Running) reports.progress(cur, ExecutionStateType.Running);
        });
    }

    /** {@code Compute.Executions.RunningReportDelay}: how long a run lasts before it is reported Running. */
    private Duration runningReportDelay() throws ExecutionFailure {
        return settings.runningReportDelay().orElseThrow(() -> new ExecutionFailure("this node's "
                + ConfigKeys.COMPUTE_RUNNING_REPORT_DELAY + " \"" + settings.config().get(ConfigKeys.COMPUTE_RUNNING_REPORT_DELAY)
                + "\" is not a duration such as 100ms or 0", EventTopics.PREPARING_ENVIRONMENT));
    }

    /** {@code Compute.Executions.MaxOutputBytes}: the most bytes kept of each of stdout and stderr. */
    private long outputCap() throws ExecutionFailure {
        String value = settings.config().get(ConfigKeys.COMPUTE_OUTPUT_MAX_BYTES);
        try {
            long cap = Quantities.parseBytes(value);
            if (cap > 0) return cap;
        } catch (IllegalArgumentException bad) {
            // reported below
        }
        throw new ExecutionFailure("this node's " + ConfigKeys.COMPUTE_OUTPUT_MAX_BYTES + " \"" + value
                + "\" is not a positive byte quantity", EventTopics.PREPARING_ENVIRONMENT);
    }

    /** The results are published (or the run failed): only the logs stay, until the retention passes. */
    private void release(String executionId) {
        try {
            ExecutionFolders.release(settings.executionDir(executionId), clock.instant());
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, "could not clean the folder of execution " + executionId
                    + "; the retention sweep tries again", failed);
        }
    }
}
