package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliRun;
import io.bacalao.cli.command.CommandTree;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code devstack --stack-repo DIR}: Bacalhau's folder for the nodes' repos, used as given and kept. */
class DevstackStackRepoTest {
    @TempDir
    Path tmp;

    @Test
    void theFolderGivenHoldsTheNodesAndIsKept() {
        DevstackCommand devstack = parse("devstack", "--stack-repo", tmp.resolve("stack").toString());
        assertEquals(tmp.resolve("stack"), devstack.stackRoot(dataDir(tmp)));
        assertFalse(devstack.startsClean());
    }

    @Test
    void withoutItTheDevstackFolderOfTheDataDirStartsCleanUnlessKept() {
        DevstackCommand devstack = parse("devstack");
        assertEquals(tmp.resolve("devstack"), devstack.stackRoot(dataDir(tmp)));
        assertTrue(devstack.startsClean());
        assertFalse(parse("devstack", "--keep-data").startsClean());
    }

    @Test
    void aFileIsAnErrorBeforeANodeStarts() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        CliRun run = CliRun.of("devstack", "--stack-repo", file.toString(), "--data-dir", tmp.toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("Error: --stack-repo " + file + " is not a folder"), run.err());
    }

    private static DevstackCommand parse(String... args) {
        CommandLine root = CommandTree.forArgs(args);
        root.parseArgs(args);
        return root.getSubcommands().get("devstack").getCommand();
    }

    private static Config dataDir(Path dir) {
        ConfigLoader loader = ConfigLoader.withDefaults();
        loader.set(ConfigKeys.DATA_DIR, dir.toString());
        return loader.resolve();
    }
}
