package io.bacalao.compute.storage;

import java.nio.file.Path;

/**
 * Host data to expose inside an execution: {@code hostPath} (file or directory) at {@code target}. A mount is
 * {@code allowListed} when the local storage approved its host path through {@code Compute.AllowListedLocalPaths}:
 * only such a mount may lie outside the execution's folder (checked again at mount time by the executors'
 * {@code MountGuard}).
 */
public record Mount(Path hostPath, String target, boolean readWrite, boolean allowListed) {
    public Mount(Path hostPath, String target, boolean readWrite) {
        this(hostPath, target, readWrite, false);
    }

    /** A host path the allow-list granted; {@code hostPath} is the real path that was checked. */
    public static Mount allowListed(Path hostPath, String target, boolean readWrite) {
        return new Mount(hostPath, target, readWrite, true);
    }
}
