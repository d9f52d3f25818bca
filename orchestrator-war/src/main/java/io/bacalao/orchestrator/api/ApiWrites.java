package io.bacalao.orchestrator.api;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.orchestrator.config.NodeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The API's job writes (submit, update, stop, rerun): each passes the write gate sized by
 * {@code Orchestrator.API.ConcurrentWrites} ({@link WriteGate}), validation of its request included, and its request
 * is answered when it has run ({@link LaterAnswer}). A write that has to wait for its turn waits without the HTTP
 * thread that took its request, so reads are served while writes queue.
 */
@ApplicationScoped
public class ApiWrites {
    @Inject
    NodeSettings settings;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    private WriteGate gate;

    @PostConstruct
    void open() {
        gate = new WriteGate(settings.config().getInt(ConfigKeys.API_CONCURRENT_WRITES), threads);
    }

    @PreDestroy
    void close() {
        gate.close();
    }

    /** Runs {@code write} on the gate and answers {@code response} with {@code answer} of its result. */
    <T> void answer(AsyncResponse response, Supplier<T> write, Function<T, ?> answer) {
        LaterAnswer.resume(response, gate.through(write), answer);
    }
}
