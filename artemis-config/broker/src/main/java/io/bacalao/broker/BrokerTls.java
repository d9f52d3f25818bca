package io.bacalao.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * TLS for the broker's acceptor from PEM files ({@code Orchestrator.TLS.ServerCert}, {@code ServerKey} and the
 * optional {@code CACert} that signed the server certificate). Clients are not asked for certificates: they
 * prove themselves with the token.
 */
public record BrokerTls(Path serverCert, Path serverKey, Path caCert) {

    /** TLS settings from the three key values; null when no server certificate is configured (plain TCP). */
    public static BrokerTls of(String serverCert, String serverKey, String caCert) {
        if (serverCert == null || serverCert.isBlank()) return null;
        if (serverKey == null || serverKey.isBlank()) {
            throw new IllegalArgumentException("Orchestrator.TLS.ServerCert is set but Orchestrator.TLS.ServerKey is not");
        }
        return new BrokerTls(Path.of(serverCert.trim()), Path.of(serverKey.trim()),
                caCert == null || caCert.isBlank() ? null : Path.of(caCert.trim()));
    }

    /**
     * Writes the key followed by the certificate chain (server certificate, then the CA's) into one PEM file,
     * the layout Artemis' PEM key store reads, readable by the owner only. Returns that file.
     */
    public Path writeKeyStore(Path dir) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (Path p : caCert == null ? new Path[]{serverKey, serverCert} : new Path[]{serverKey, serverCert, caCert}) {
            String text = Files.readString(p);
            pem.append(text.endsWith("\n") ? text : text + "\n");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("broker-keystore.pem");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, pem);
        return file;
    }

    /** Acceptor URL parameters that turn TLS on with the given PEM key store. */
    public static String acceptorParams(Path keyStore) {
        return "sslEnabled=true&keyStoreType=PEM&keyStorePath=" + keyStore.toAbsolutePath();
    }
}
