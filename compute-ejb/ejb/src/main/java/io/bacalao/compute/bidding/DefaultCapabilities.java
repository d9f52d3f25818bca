package io.bacalao.compute.bidding;

import io.bacalao.compute.publisher.Publishers;
import io.bacalao.compute.storage.Storages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The publishers and input sources this node offers: whatever its registries hold after Disabled lists. */
@ApplicationScoped
public class DefaultCapabilities implements Capabilities {
    @Inject
    Publishers publishers;
    @Inject
    Storages storages;

    @Override
    public List<String> publishers() {
        return publishers.types();
    }

    @Override
    public List<String> storageSources() {
        return storages.types();
    }
}
