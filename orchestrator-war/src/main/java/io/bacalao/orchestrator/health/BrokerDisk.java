package io.bacalao.orchestrator.health;

import io.bacalao.broker.BrokerDiskLimit;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.orchestrator.config.NodeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The disk of the broker this orchestrator embeds ({@code <DataDir>/orchestrator/broker}), judged by
 * {@link BrokerDiskLimit}: at the limit the broker blocks every send, so the orchestrator says so instead. An
 * external broker ({@code Orchestrator.Broker.URL}) has a disk this node cannot see; its operator watches it.
 */
@ApplicationScoped
public class BrokerDisk {
    @Inject
    NodeSettings settings;

    /** What is wrong with the broker's disk now, if anything (one {@code statfs} call). */
    public Optional<String> problem() {
        if (!settings.config().get(ConfigKeys.ORCHESTRATOR_BROKER_URL).isBlank()) return Optional.empty();
        Path dir = BrokerDiskLimit.embeddedBrokerDir(Path.of(settings.config().get(ConfigKeys.DATA_DIR)));
        try {
            FileStore store = Files.getFileStore(Files.exists(dir) ? dir : dir.getRoot());
            return BrokerDiskLimit.problem(dir.toString(), store.getTotalSpace(), store.getUsableSpace());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
