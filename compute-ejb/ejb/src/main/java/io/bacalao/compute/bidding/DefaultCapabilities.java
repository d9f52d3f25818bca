package io.bacalao.compute.bidding;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Publishers and storages of this build. */
@ApplicationScoped
public class DefaultCapabilities implements Capabilities {
    @Override
    public List<String> publishers() {
        return List.of("noop");
    }

    @Override
    public List<String> storageSources() {
        return List.of();
    }
}
