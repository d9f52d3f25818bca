package io.bacalao.compute.storage;

import io.bacalao.domain.model.InputSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings all inputs of a task onto this node before it runs: input {@code i} gets the fresh directory
 * {@code <executionDir>/inputs/<i>/}. Every type is checked before anything is fetched, so an unknown type fails
 * without a download. The first failing input stops preparation; cleaning up the execution directory is the
 * caller's job. Mounts come back in input order.
 */
@ApplicationScoped
public class InputPreparer {
    @Inject
    Storages storages;

    /** For CDI. */
    public InputPreparer() {
    }

    public InputPreparer(Storages storages) {
        this.storages = storages;
    }

    public List<Mount> prepare(List<InputSource> inputs, Path executionDir, InputSettings settings)
            throws StorageException {
        List<InputStorage> chosen = new ArrayList<>();
        for (InputSource input : inputs) {
            String type = input.source().type();
            chosen.add(storages.forType(type)
                    .orElseThrow(() -> new StorageException("no storage for input type \"" + type + "\"")));
        }
        List<Mount> mounts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path dir = executionDir.resolve("inputs").resolve(Integer.toString(i));
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StorageException("cannot create the input directory " + dir + ": " + e.getMessage(), e);
            }
            mounts.add(chosen.get(i).prepare(inputs.get(i), settings.contextFor(dir)));
        }
        return mounts;
    }
}
