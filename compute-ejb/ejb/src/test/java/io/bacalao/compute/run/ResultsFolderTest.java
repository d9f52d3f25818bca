package io.bacalao.compute.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.domain.model.ResultPath;
import io.bacalao.domain.model.RunOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {
    @TempDir
    Path dir;

    @Test
    void theSummaryKeepsTwoKilobytesAndSaysWhatWasCut() throws Exception {
        Files.writeString(dir.resolve("stdout"), "x".repeat(RunOutput.SUMMARY_LIMIT + 1));
        Files.writeString(dir.resolve("stderr"), "short");
        RunOutput o = ResultsFolder.finish(dir, 0);
        assertEquals(RunOutput.SUMMARY_LIMIT, o.stdout().length());
        assertTrue(o.stdoutTruncated());
        assertFalse(o.stderrTruncated());
        assertTrue(ResultsFolder.finish(dir, 0, false, true).stderrTruncated(), "dropped past the cap on disk");
        assertEquals("0", Files.readString(dir.resolve("exitCode")));
    }

    @Test
    void resultFoldersAreMadeOnlyForPlainNames() throws Exception {
        ResultsFolder.prepare(dir, List.of(new ResultPath("outputs", "/outputs")));
        assertTrue(Files.isDirectory(dir.resolve("outputs")));
        ExecutionFailure f = assertThrows(ExecutionFailure.class,
                () -> ResultsFolder.prepare(dir, List.of(new ResultPath("../escaped", "/outputs"))));
        assertTrue(f.getMessage().startsWith("refused to mount: result path Name \"../escaped\""), f.getMessage());
        assertTrue(Files.notExists(dir.getParent().resolve("escaped")));
    }

    @Test
    void resultsBiggerThanTheDiskAskedForFailTheExecution() throws Exception {
        Files.createDirectories(dir.resolve("outputs"));
        Files.write(dir.resolve("outputs/big"), new byte[3000]);
        ResultsFolder.checkDisk(dir, 0);
        ResultsFolder.checkDisk(dir, 3000);
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> ResultsFolder.checkDisk(dir, 2999));
        assertTrue(f.getMessage().contains("(Resources.Disk)"), f.getMessage());
        assertEquals("Publishing Results", f.topic());
    }
}
