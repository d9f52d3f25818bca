package io.bacalao.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which secret each compute node ID is bound to: the first connection of a node ID binds it to the SHA-256 of the
 * secret it presented; later connections of that ID must present the same secret. Kept in a file (one
 * {@code nodeId=sha256hex} line each, owner-only) so the binding survives broker restarts. {@link #release} (the
 * operator deleted the node) frees the ID for a new secret.
 */
public final class NodeBindings {
    /** Most node IDs bound at once: a join-token holder cannot grow the file without limit. */
    public static final int MAX_BINDINGS = 10_000;
    /** Node IDs the broker accepts: what NameProvider makes (n-uuid, uuid, host names). */
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** A node secret: 256 bits as 64 hex digits. */
    private static final Pattern SECRET = Pattern.compile("[0-9a-fA-F]{64}");

    private final Path file;
    private final Map<String, String> hashes = new TreeMap<>();

    public NodeBindings(Path file) {
        this.file = file;
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) hashes.put(line.substring(0, eq), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the node bindings " + file, e);
        }
    }

    public static boolean isValidNodeId(String nodeId) {
        return nodeId != null && NODE_ID.matcher(nodeId).matches();
    }

    public static boolean isValidSecret(String secret) {
        return secret != null && SECRET.matcher(secret).matches();
    }

    /**
     * True when {@code nodeId} may connect with {@code secret}: it is bound to that secret, or it was free and is
     * now bound to it. False for a malformed ID or secret, a secret that is not the bound one, or a full table.
     */
    public synchronized boolean admit(String nodeId, String secret) {
        if (!isValidNodeId(nodeId) || !isValidSecret(secret)) return false;
        String hash = sha256(secret.toLowerCase(java.util.Locale.ROOT));
        String bound = hashes.get(nodeId);
        if (bound != null) {
            return MessageDigest.isEqual(bound.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        }
        if (hashes.size() >= MAX_BINDINGS) return false;
        hashes.put(nodeId, hash);
        save();
        return true;
    }

    /** Frees a node ID: its next connection binds it to whatever secret it presents. */
    public synchronized void release(String nodeId) {
        if (hashes.remove(nodeId) != null) save();
    }

    public synchronized boolean isBound(String nodeId) {
        return hashes.containsKey(nodeId);
    }

    public Path file() {
        return file;
    }

    private void save() {
        StringBuilder text = new StringBuilder();
        hashes.forEach((id, hash) -> text.append(id).append('=').append(hash).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the node bindings " + file, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
