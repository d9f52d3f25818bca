package io.bacalao.compute.storage.local;

import io.bacalao.compute.storage.InputStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.List;

/** Bacalhau's deprecated name {@code localDirectory} for {@link LocalStorage}: same params, same rules. */
@ApplicationScoped
@Typed({LocalDirectoryStorage.class, InputStorage.class})
public class LocalDirectoryStorage extends LocalStorage {
    public static final String TYPE = "localDirectory";

    public LocalDirectoryStorage() {
    }

    public LocalDirectoryStorage(List<String> allowListedLocalPaths) {
        super(allowListedLocalPaths);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
