package io.bacalao.it.support;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One cluster (orchestrator + 3 compute nodes) shared by every test class that uses this extension, started
 * once per test JVM and stopped when the run ends; its orchestrator serves the Web UI. Tests get it as a {@link TestCluster} parameter.
 */
public final class SharedCluster implements BeforeAllCallback, ParameterResolver {
    private static final String KEY = "bacalao-shared-cluster";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster(context);
    }

    private static TestCluster cluster(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(KEY, k -> {
            try {
                // the Web UI on a port of its own (WebUiIT)
                Map<String, String> webUi = Map.of("WebUI.Enabled", "true", "WebUI.Listen", "127.0.0.1:" + TestPorts.freeBlock(1));
                return new Resource(TestCluster.create("shared", webUi).start(3));
            } catch (Exception e) {
                throw new IllegalStateException("shared cluster did not start: " + e.getMessage(), e);
            }
        }, Resource.class).cluster;
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
