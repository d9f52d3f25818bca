package io.bacalao.compute.run;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.ExecutionOutcome;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.executor.Executor;
import io.bacalao.compute.executor.Executors;
import io.bacalao.compute.messaging.Reports;
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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one approved execution (reference §5.4): Running → executor → results folder ({@code stdout},
 * {@code stderr}, {@code exitCode}) → Completed with a summary, or Failed with the reason. A cancelled
 * execution reports nothing; the orchestrator already knows.
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

    public void run(LocalExecution approved) {
        Optional<LocalExecution> running = store.update(approved.id(),
                e -> e.state() == ExecutionStateType.BidAccepted ? e.to(ExecutionStateType.Running, "") : null);
        if (running.isEmpty()) return;
        reports.progress(running.get(), ExecutionStateType.Running);
        LocalExecution e = running.get();
        try {
            Executor executor = executors.forEngine(e.job().task().engine().type())
                    .orElseThrow(() -> new ExecutionFailure("engine " + e.job().task().engine().type()
                            + " is not available on this node"));
            Path dir = settings.executionDir(e.id());
            Path results = Files.createDirectories(dir.resolve("results"));
            Files.createDirectories(dir.resolve("logs"));
            ExecutionOutcome outcome = executor.run(new ExecutionRequest(e.execution(), dir, results,
                    Environment.of(e.execution())));
            RunOutput output = ResultsFolder.finish(results, outcome.exitCode());
            SpecConfig published = SpecConfig.of("");
            store.update(e.id(), cur -> cur.state() == ExecutionStateType.Running ? cur.completed(published, output) : null)
                    .ifPresent(reports::finished);
        } catch (ExecutionFailure | IOException | RuntimeException failure) {
            String message = failure instanceof ExecutionFailure ? failure.getMessage()
                    : "execution failed on node " + settings.nodeId() + ": " + failure;
            if (!(failure instanceof ExecutionFailure)) LOG.log(Level.WARNING, "execution " + e.id() + " failed", failure);
            store.update(e.id(), cur -> cur.state().isTerminal() ? null : cur.to(ExecutionStateType.Failed, message))
                    .ifPresent(reports::finished);
        }
    }
}
