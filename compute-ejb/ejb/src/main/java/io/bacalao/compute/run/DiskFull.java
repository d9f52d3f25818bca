package io.bacalao.compute.run;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A run that failed because the node's disk is full (ENOSPC while writing the results, the logs or the execution's
 * folder) is told as such, not as the bare exception: the user learns it was the node's disk, not their job, and the
 * operator where space ran out.
 */
final class DiskFull {
    /** How Linux (and the JDK, from {@code strerror}) words ENOSPC. */
    static final String ENOSPC = "No space left on device";

    private DiskFull() {
    }

    /** True when {@code failure} or one of its causes is a write refused for want of space. */
    static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            String said = t instanceof FileSystemException f && f.getReason() != null ? f.getReason() : t.getMessage();
            if (said != null && said.contains(ENOSPC)) return true;
        }
        return false;
    }

    /** The failure message of an execution whose folder under {@code dir} ran out of space on node {@code nodeId}. */
    static String message(String nodeId, Path dir) {
        return "node " + nodeId + " ran out of disk space (" + ENOSPC + ") writing the execution's results and logs"
                + " under " + dir + "; the job may write less output, or the node's operator may free space there";
    }
}
