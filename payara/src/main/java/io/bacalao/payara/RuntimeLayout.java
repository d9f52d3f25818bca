package io.bacalao.payara;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The artefacts a node process is made of, in one directory: Payara Micro, the broker WAR, the Artemis
 * resource adapter, the orchestrator and compute WARs, and the PostgreSQL driver.
 */
public record RuntimeLayout(Path dir) {
    public Path payaraMicro() {
        return dir.resolve("payara-micro.jar");
    }

    public Path brokerWar() {
        return dir.resolve("broker.war");
    }

    public Path resourceAdapter() {
        return dir.resolve("artemis-ra.rar");
    }

    public Path orchestratorWar() {
        return dir.resolve("orchestrator.war");
    }

    public Path computeWar() {
        return dir.resolve("compute-node.war");
    }

    public Path postgresDriver() {
        return dir.resolve("postgresql.jar");
    }

    /** Throws with the missing file named when the layout is incomplete (e.g. the build did not run). */
    public RuntimeLayout verify() {
        for (Path p : List.of(payaraMicro(), brokerWar(), resourceAdapter(), orchestratorWar(), computeWar(), postgresDriver())) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("node runtime incomplete: " + p + " is missing (run mvn package)");
            }
        }
        return this;
    }
}
