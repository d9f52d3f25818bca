package io.bacalao.compute.storage;

import java.nio.file.Path;

/** Host data to expose inside an execution: {@code hostPath} (file or directory) at {@code target}. */
public record Mount(Path hostPath, String target, boolean readWrite) {
}
