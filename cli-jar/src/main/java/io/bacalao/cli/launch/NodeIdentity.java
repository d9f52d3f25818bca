package io.bacalao.cli.launch;

import io.bacalao.domain.model.Ids;
import io.bacalao.payara.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A node's ID, chosen once by {@code NameProvider} (puuid = n-&lt;uuid&gt;, uuid, hostname) and kept in
 * {@code <DataDir>/node-id} so the node is the same node after a restart. The data dir is created private (0700):
 * it will hold the node's boot files with its secrets.
 */
final class NodeIdentity {
    private NodeIdentity() {
    }

    static String of(Path dataDir, String nameProvider) {
        Path file = dataDir.resolve("node-id");
        try {
            if (Files.isRegularFile(file)) return Files.readString(file).trim();
            String id = switch (nameProvider == null ? "puuid" : nameProvider.trim().toLowerCase()) {
                case "uuid" -> UUID.randomUUID().toString();
                case "hostname" -> InetAddress.getLocalHost().getHostName();
                default -> Ids.newNodeId();
            };
            PrivateFiles.directory(dataDir);
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node ID in " + file, e);
        }
    }
}
