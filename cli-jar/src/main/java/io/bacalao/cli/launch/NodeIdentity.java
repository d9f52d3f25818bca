package io.bacalao.cli.launch;

import io.bacalao.cli.CliException;
import io.bacalao.domain.model.Ids;
import io.bacalao.payara.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A node's ID, chosen once and kept in {@code <DataDir>/node-id} so the node is the same node after a restart: the
 * {@code serve --name} given the first time, else one made by {@code NameProvider} (puuid = n-&lt;uuid&gt;, uuid,
 * hostname). As Bacalhau's {@code serve --name}, a name given once an ID is kept is ignored with a warning. The
 * data dir is created private (0700): it will hold the node's boot files with its secrets.
 */
final class NodeIdentity {
    private static final String FILE = "node-id";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private NodeIdentity() {
    }

    static String of(Path dataDir, String nameProvider) {
        return of(dataDir, nameProvider, null);
    }

    /** The kept ID, else {@code name} when given (and valid), else a new one from {@code nameProvider}. */
    static String of(Path dataDir, String nameProvider, String name) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) return Files.readString(file).trim();
            if (name != null && !name.isBlank()) return keep(dataDir, file, valid(name));
            String id = switch (nameProvider == null ? "puuid" : nameProvider.trim().toLowerCase()) {
                case "uuid" -> UUID.randomUUID().toString();
                case "hostname" -> InetAddress.getLocalHost().getHostName();
                default -> Ids.newNodeId();
            };
            return keep(dataDir, file, id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node ID in " + file, e);
        }
    }

    /** The warning for a {@code --name} that will be ignored because the data dir keeps another ID. */
    static Optional<String> ignoredName(Path dataDir, String name) {
        Path file = dataDir.resolve(FILE);
        if (name == null || name.isBlank() || !Files.isRegularFile(file)) return Optional.empty();
        try {
            String kept = Files.readString(file).trim();
            return kept.equals(name) ? Optional.empty()
                    : Optional.of("Warning: --name " + name + " ignored: this node's name is already " + kept + " (kept in " + file + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the node ID in " + file, e);
        }
    }

    /** Letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters. */
    static String valid(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new CliException("invalid --name \"" + name + "\": use letters, digits, '.', '_' and '-',"
                    + " starting with a letter or digit, at most 128 characters");
        }
        return name;
    }

    private static String keep(Path dataDir, Path file, String id) throws IOException {
        PrivateFiles.directory(dataDir);
        Files.writeString(file, id);
        return id;
    }
}
