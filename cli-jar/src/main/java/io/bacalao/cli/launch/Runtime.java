package io.bacalao.cli.launch;

import io.bacalao.cli.CliException;
import io.bacalao.payara.RuntimeLayout;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the node artefacts and the JDK for node processes are. */
final class Runtime {
    /** System property (set by the bacalao script) naming the runtime directory. */
    static final String RUNTIME_DIR = "bacalao.runtime";

    private Runtime() {
    }

    static RuntimeLayout layout() {
        String configured = System.getProperty(RUNTIME_DIR);
        // normalized: the class archives' fingerprint names the artefacts by path (ClassArchives), and a test's
        // "system-tests/../cli-jar/target/runtime" is the devstack's "cli-jar/target/runtime"
        Path dir = (configured != null ? Path.of(configured) : besideJar()).toAbsolutePath().normalize();
        try {
            return new RuntimeLayout(dir).verify();
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage(), "build it with 'mvn -DskipTests package' or run ./bacalao, which builds");
        }
    }

    private static Path besideJar() {
        try {
            Path jar = Path.of(Runtime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return (Files.isDirectory(jar) ? jar.getParent() : jar.getParent()).resolve("runtime");
        } catch (URISyntaxException e) {
            return Path.of("runtime");
        }
    }

    /** Node processes run on the JDK that runs this CLI (the launcher script picks one >= 21). */
    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
