package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/config.md is what the key registry generates; {@code -Dconfig.docs.write=true} rewrites it. */
class ConfigDocsTest {
    private static final Path PAGE = Path.of("..", "docs", "config.md");

    @Test
    void theCommittedPageIsWhatTheRegistryGenerates() throws IOException {
        String generated = ConfigDocs.markdown();
        if (Boolean.getBoolean("config.docs.write")) Files.writeString(PAGE, generated);

        String committed = Files.isRegularFile(PAGE) ? Files.readString(PAGE) : "";
        assertEquals(generated, committed, "docs/config.md differs from the key registry (ConfigKeys); regenerate it:"
                + " mvn -pl domain test -Dtest=ConfigDocsTest -Dconfig.docs.write=true");
    }

    @Test
    void thePageListsEveryKeyAndWhetherBacalaoActsOnIt() {
        String page = ConfigDocs.markdown();

        for (ConfigKey k : ConfigKeys.all()) assertTrue(page.contains("| `" + k.name() + "` |"), k.name());
        assertTrue(page.contains("| `Orchestrator.Cluster.Peers` |  | *no* | Bacalhau |"), page);
        assertTrue(page.contains("| `API.Port` | `1234` | yes | Bacalhau |"), page);
    }
}
