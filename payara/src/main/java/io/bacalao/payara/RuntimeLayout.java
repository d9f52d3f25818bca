package io.bacalao.payara;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The artefacts a node process is made of, in one directory: Payara Micro, the broker WAR, the Artemis
 * resource adapter, the orchestrator and compute WARs, the PostgreSQL driver, and {@code lib/}: the two WARs'
 * third-party libraries, which the build moves out of them onto Payara's common class path
 * ({@link RuntimeLibraries}).
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

    /** The WARs' third-party jars: without them on the class path the WARs do not deploy. */
    public Path libraries() {
        return dir.resolve("lib");
    }

    /** Throws with the missing file named when the layout is incomplete (e.g. the build did not run). */
    public RuntimeLayout verify() {
        for (Path p : List.of(payaraMicro(), brokerWar(), resourceAdapter(), orchestratorWar(), computeWar(), postgresDriver())) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("node runtime incomplete: " + p + " is missing (run mvn package)");
            }
        }
        if (!Files.isDirectory(libraries())) {
            throw new IllegalStateException("node runtime incomplete: " + libraries() + " is missing (run mvn package)");
        }
        return this;
    }
}
