package io.bacalao.compute.storage.local;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.storage.InputSettings;
import io.bacalao.compute.storage.InputStorage;
import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.model.InputSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Source type {@code local} ({@code {"SourcePath": "/abs", "ReadWrite": true|"true", "CreateAs": "dir"|"file"|
 * "noCreate"}}): a host path mounted at Target as it is, nothing copied. The path, resolved through symlinks, must
 * be granted by the allow-list ({@link AllowList}), with write access when ReadWrite is asked for. A missing path
 * is created (as a directory or an empty file) only when CreateAs says so and ReadWrite is set. The mount names
 * the resolved path, i.e. exactly what was checked.
 *
 * <p>{@link #prepare} judges by the context's allow-list; {@link #refusal} by the one this storage was built with
 * (CDI: {@code Compute.AllowListedLocalPaths} from the node's settings).
 */
@ApplicationScoped
public class LocalStorage implements InputStorage {
    public static final String TYPE = "local";
    private static final String CONFIG_HINT = " is not in the compute node's allow-list (Compute.AllowListedLocalPaths)";

    private List<String> allowList = List.of();

    /** For CDI; the allow-list for {@link #refusal} comes from {@link #configure}. */
    public LocalStorage() {
    }

    public LocalStorage(List<String> allowListedLocalPaths) {
        this.allowList = List.copyOf(allowListedLocalPaths);
    }

    @Inject
    void configure(ComputeSettings settings) {
        this.allowList = settings.config().getList(InputSettings.ALLOW_LISTED_LOCAL_PATHS);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> refusal(InputSource input) {
        return refusal(input, allowList);
    }

    /** A host path is local when this node would mount it (allow-listed, with the access asked for). */
    @Override
    public boolean isLocal(InputSource input) {
        return refusal(input).isEmpty();
    }

    /** The allow-list and write-access checks of {@link #prepare}, creating nothing. */
    public Optional<String> refusal(InputSource input, List<String> allowListedLocalPaths) {
        try {
            check(LocalRequest.of(input), AllowList.of(allowListedLocalPaths));
            return Optional.empty();
        } catch (StorageException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Mount prepare(InputSource input, StorageContext context) throws StorageException {
        LocalRequest request = LocalRequest.of(input);
        Path path = check(request, AllowList.of(context.allowListedLocalPaths()));
        if (!Files.exists(path)) {
            create(request, path);
            path = check(request, AllowList.of(context.allowListedLocalPaths()));
        }
        return Mount.allowListed(path, input.target(), request.readWrite());
    }

    /** The resolved path, if the allow-list grants the access asked for. */
    private static Path check(LocalRequest request, AllowList allowList) throws StorageException {
        Path path = RealPaths.resolve(request.path());
        AllowList.Grant grant = allowList.grant(path);
        if (grant == AllowList.Grant.NONE) {
            throw new StorageException("local path " + request.sourcePath() + CONFIG_HINT);
        }
        if (request.readWrite() && grant != AllowList.Grant.READ_WRITE) {
            throw new StorageException("volume " + request.sourcePath() + " is not granted write access");
        }
        return path;
    }

    private static void create(LocalRequest request, Path path) throws StorageException {
        String missing = "local path " + request.sourcePath() + " does not exist";
        if (request.createAs() == LocalRequest.CreateAs.NO_CREATE) throw new StorageException(missing);
        if (!request.readWrite()) {
            throw new StorageException(missing + " (CreateAs \"" + request.createAs().word + "\" needs ReadWrite)");
        }
        try {
            if (request.createAs() == LocalRequest.CreateAs.DIR) {
                Files.createDirectories(path);
            } else {
                Files.createDirectories(path.getParent());
                Files.createFile(path);
            }
        } catch (IOException | InvalidPathException e) {
            throw new StorageException("cannot create local path " + request.sourcePath() + ": " + e, e);
        }
    }
}
