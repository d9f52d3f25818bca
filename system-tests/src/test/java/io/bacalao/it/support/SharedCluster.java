package io.bacalao.it.support;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One cluster (orchestrator + 3 compute nodes) shared by every test class that uses this extension, started
 * once per test JVM; its orchestrator serves the Web UI. Tests get it as a {@link TestCluster} parameter. It stops
 * after the last class that uses it, when {@link SharedClusterFirst} ordered the classes and named that one, and
 * otherwise when the run ends. A class that uses it after it stopped starts it again.
 */
public final class SharedCluster implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final String KEY = "bacalao-shared-cluster";
    private static volatile Class<?> lastUser;

    static void lastUserIs(Class<?> testClass) {
        lastUser = testClass;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() != lastUser) return;
        Resource r = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).remove(KEY, Resource.class);
        if (r != null) r.close();
    }

    private static TestCluster cluster(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(KEY, k -> new Resource(startWithOneRetry()), Resource.class).cluster;
    }

    /**
     * Starts the cluster, and once more when a node was not ready in time: every class that uses it fails with
     * it, so a start that a briefly overloaded machine made slow gets a second chance (the first error, with its
     * diagnosis, is printed). A node whose deployment fails is first started once more by itself
     * (NodeProcess.awaitReady).
     */
    private static TestCluster startWithOneRetry() {
        try {
            return TestCluster.create("shared", webUi()).start(3);
        } catch (Exception first) {
            System.err.println("shared cluster did not start (" + first.getMessage() + "); starting it once more");
            try {
                return TestCluster.create("shared-2", webUi()).start(3); // beside the first one's logs
            } catch (Exception e) {
                e.addSuppressed(first);
                throw new IllegalStateException("shared cluster did not start twice: " + e.getMessage(), e);
            }
        }
    }

    /** The Web UI on a port of its own (WebUiIT). */
    private static Map<String, String> webUi() {
        return Map.of("WebUI.Enabled", "true", "WebUI.Listen", "127.0.0.1:" + TestPorts.freeBlock(1));
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == TestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return cluster(e);
    }

    private record Resource(TestCluster cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
