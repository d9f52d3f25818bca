package io.bacalao.compute.storage;

import io.bacalao.domain.model.InputSource;

/**
 * One input source type ({@link #type()} is the Source.Type it serves, e.g. {@code urlDownload}). It brings the
 * data of one input onto this node, under the execution's input directory, and says where to mount it.
 * Failures the user can act on (404, timeout, a path outside the allow-list) are {@link StorageException}s.
 */
public interface InputStorage {
    String type();

    /**
     * Whether this node can serve the type at all (Bacalhau's {@code IsInstalled}); one that cannot is neither
     * advertised nor used, as if it were in {@code InputSources.Disabled}. Asked once, when the registry is built.
     */
    default boolean installed() {
        return true;
    }

    /** Why this node would refuse this input at bid time (e.g. a local path outside the allow-list); empty if fine. */
    default java.util.Optional<String> refusal(InputSource input) {
        return java.util.Optional.empty();
    }

    /**
     * Whether this input's data is on this node already, so that nothing is fetched
     * ({@code JobAdmissionControl.Locality = local}); only inline data and allow-listed local paths are.
     */
    default boolean isLocal(InputSource input) {
        return false;
    }

    Mount prepare(InputSource input, StorageContext context) throws StorageException;
}
