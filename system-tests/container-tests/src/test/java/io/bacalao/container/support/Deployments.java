package io.bacalao.container.support;

import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the tests deploy: a node's own WAR, as the build made it, plus the test classes. The rest of the
 * node (its broker.war and the Artemis resource adapter) is deployed by the node's post-boot commands
 * (src/test/resources/nodes), before this archive.
 */
public final class Deployments {
    private Deployments() {
    }

    /** orchestrator.war (context root "/") with the given test classes. */
    public static WebArchive orchestrator(Class<?>... testClasses) {
        return node("orchestrator.war", testClasses);
    }

    /** compute-node.war (compute-ejb.jar in WEB-INF/lib, context root "/compute") with the given test classes. */
    public static WebArchive compute(Class<?>... testClasses) {
        return node("compute-node.war", testClasses);
    }

    private static WebArchive node(String name, Class<?>... testClasses) {
        File war = runtime().resolve(name).toFile();
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: the build copies it there before the integration tests"
                    + " (mvn verify -pl system-tests/container-tests -am)");
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, name).importFrom(war).as(WebArchive.class);
        archive.addClasses(testClasses);
        archive.addClasses(Waits.class, ProtocolInbox.class, ThreadDump.class);
        return archive;
    }

    private static Path runtime() {
        String dir = System.getProperty("bacalao.it.dir");
        if (dir == null) throw new IllegalStateException("system property bacalao.it.dir is not set (failsafe sets it)");
        return Path.of(dir, "runtime");
    }
}
