package io.bacalao.compute.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiskFullTest {
    @Test
    void aFullDiskIsRecognisedWhereverItSitsInTheCauses() {
        FileSystemException enospc = new FileSystemException("/data/compute/executions/e-1/results/stdout", null,
                DiskFull.ENOSPC);
        assertTrue(DiskFull.causedBy(enospc));
        assertTrue(DiskFull.causedBy(new UncheckedIOException(new IOException(enospc))));
        assertTrue(DiskFull.causedBy(new IOException(DiskFull.ENOSPC)), "a stream's write error carries it in its message");
    }

    @Test
    void otherFailuresAreNotADiskFull() {
        assertFalse(DiskFull.causedBy(new FileSystemException("/x", null, "Permission denied")));
        assertFalse(DiskFull.causedBy(new IOException("Broken pipe")));
        assertFalse(DiskFull.causedBy(new IllegalStateException((String) null)));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        IOException a = new IOException("a");
        IOException b = new IOException("b", a);
        a.initCause(b);
        assertFalse(DiskFull.causedBy(a));
    }

    @Test
    void theMessageNamesTheNodeAndWhereSpaceRanOut() {
        String m = DiskFull.message("n-1", Path.of("/data/compute/executions/e-1"));
        assertTrue(m.startsWith("node n-1 ran out of disk space (No space left on device)"), m);
        assertTrue(m.contains("/data/compute/executions/e-1"), m);
    }
}
