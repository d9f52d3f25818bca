package io.bacalao.cli.profile;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.cli.CliException;
import io.bacalao.domain.spec.Json;
import io.bacalao.payara.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Profiles in {@code <DataDir>/profiles} as Bacalhau keeps them: one {@code NAME.yaml} each (0600, in a 0700
 * directory, since a profile may hold a token) and a symbolic link {@code current} to the selected one.
 */
public final class ProfileStore {
    private static final String EXTENSION = ".yaml";
    private static final String CURRENT = "current";
    private final Path dir;

    public ProfileStore(Path dataDir) {
        this.dir = dataDir.resolve("profiles");
    }

    public void save(String name, Profile profile) {
        Path file = file(name);
        try {
            PrivateFiles.directory(dir);
            PrivateFiles.write(file, Json.writeYaml(profile.toTree()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write profile " + file, e);
        }
    }

    public boolean exists(String name) {
        return Files.isRegularFile(file(name));
    }

    public Profile load(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) throw new CliException("profile \"" + name + "\" not found", "bacalao profile list");
        try {
            Map<String, Object> tree = Json.yamlMapper().readValue(Files.readString(file), new TypeReference<>() {
            });
            return Profile.fromTree(tree == null ? Map.of() : tree);
        } catch (IOException e) {
            throw new CliException("cannot read profile " + file + ": " + e.getMessage());
        }
    }

    /** Deletes a profile, and the selection when it was the selected one. */
    public void delete(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) throw new CliException("profile \"" + name + "\" not found", "bacalao profile list");
        try {
            if (current().filter(name::equals).isPresent()) Files.deleteIfExists(dir.resolve(CURRENT));
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete profile " + file, e);
        }
    }

    /** Profile names in alphabetical order. */
    public List<String> names() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().equals(CURRENT) && Files.isRegularFile(f))
                    .map(f -> f.getFileName().toString()).filter(n -> n.endsWith(EXTENSION))
                    .map(n -> n.substring(0, n.length() - EXTENSION.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list profiles in " + dir, e);
        }
    }

    public void select(String name) {
        load(name);
        Path link = dir.resolve(CURRENT);
        try {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(name + EXTENSION));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot select profile " + name, e);
        }
    }

    /** The selected profile's name, if one is selected. */
    public Optional<String> current() {
        Path link = dir.resolve(CURRENT);
        if (!Files.isSymbolicLink(link)) return Optional.empty();
        try {
            String target = Files.readSymbolicLink(link).getFileName().toString();
            return Optional.of(target.endsWith(EXTENSION) ? target.substring(0, target.length() - EXTENSION.length()) : target);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path file(String name) {
        if (name == null || name.isBlank()) throw new CliException("profile name cannot be empty");
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.equals(CURRENT)) {
            throw new CliException("invalid profile name \"" + name + "\": no '/', '\\', '..' or \"current\"");
        }
        return dir.resolve(name + EXTENSION);
    }
}
