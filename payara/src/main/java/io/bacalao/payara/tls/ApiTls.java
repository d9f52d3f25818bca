package io.bacalao.payara.tls;

import io.bacalao.payara.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS on an orchestrator's API port (docs/tls.md): from {@code API.TLS.CertFile}+{@code KeyFile} (PEM), or with
 * {@code API.TLS.SelfSigned} a certificate made once under {@code <DataDir>/api-tls/}. At each start the key and its
 * chain are written to a PKCS#12 key store ({@code <DataDir>/payara/api-keystore.p12}, 0600) that Payara Micro
 * takes as its key store ({@code javax.net.ssl.keyStore}); the API's listener is switched to Payara's TLS protocol,
 * so the one API port speaks only TLS and a plain HTTP request on it is refused (the connection is closed).
 *
 * @param keyStore the key store Payara serves from
 * @param chain    the served certificate chain, leaf first (what the launcher's readiness check trusts)
 */
public record ApiTls(Path keyStore, List<X509Certificate> chain) {
    public static final String CERT_FILE = "API.TLS.CertFile";
    public static final String KEY_FILE = "API.TLS.KeyFile";
    public static final String SELF_SIGNED = "API.TLS.SelfSigned";
    public static final String AUTO_CERT = "API.TLS.AutoCert";
    /** The key's alias in the key store, given to Payara as the listener's certificate nickname. */
    public static final String ALIAS = "bacalao-api";
    /**
     * Payara Micro opens its key store with its master password, which is "changeit" for every Micro instance. The
     * key store's secrecy comes from its mode (0600 in a 0700 data dir), as the PEM key file's does.
     */
    static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static final String LISTENER = "configs.config.server-config.network-config.network-listeners.network-listener.http-listener.";
    private static final String HTTP_PROTOCOL = "configs.config.server-config.network-config.protocols.protocol.http-listener.";
    private static final String HTTPS_PROTOCOL = "configs.config.server-config.network-config.protocols.protocol.https-listener.";

    /** Whether this configuration asks for TLS on the API (only orchestrators serve the API). */
    public static boolean wanted(Map<String, String> config) {
        return !value(config, CERT_FILE).isEmpty() || !value(config, KEY_FILE).isEmpty() || bool(config, SELF_SIGNED);
    }

    /** What is wrong with the TLS settings, as Bacalhau words it where it has a message; empty when nothing is. */
    public static Optional<String> problem(Map<String, String> config) {
        if (!value(config, AUTO_CERT).isEmpty()) {
            return Optional.of(AUTO_CERT + " (ACME certificates) is not supported by Bacalao: set " + CERT_FILE + " and "
                    + KEY_FILE + ", or " + SELF_SIGNED);
        }
        boolean cert = !value(config, CERT_FILE).isEmpty();
        boolean key = !value(config, KEY_FILE).isEmpty();
        if (cert && !key) return Optional.of("invalid config: TLS cert specified without corresponding private key");
        if (!cert && key) return Optional.of("invalid config: private key specified without corresponding TLS certificate");
        return Optional.empty();
    }

    /** The API's TLS could not be set up; the message names the file and what is wrong with it. */
    public static final class SetupException extends IOException {
        SetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Makes the key store for this start. {@code apiHost} goes into a self-signed certificate's names.
     *
     * @throws SetupException for an unreadable or mismatched certificate or key, or a failed keytool
     */
    public static ApiTls prepare(Map<String, String> config, Path dataDir, String apiHost, Path javaHome) throws SetupException {
        try {
            return make(config, dataDir, apiHost, javaHome);
        } catch (IOException e) {
            throw new SetupException("cannot serve the API over TLS: " + e.getMessage(), e);
        }
    }

    private static ApiTls make(Map<String, String> config, Path dataDir, String apiHost, Path javaHome) throws IOException {
        PrivateKey key;
        List<X509Certificate> chain;
        if (!value(config, CERT_FILE).isEmpty()) {
            Path certFile = Path.of(value(config, CERT_FILE));
            Path keyFile = Path.of(value(config, KEY_FILE));
            chain = PemReader.certificates(certFile);
            key = PemReader.privateKey(keyFile);
            if (!KeyPairs.match(key, chain.get(0).getPublicKey())) {
                throw new PemReader.PemException(keyFile + " is not the private key of the certificate in " + certFile);
            }
        } else {
            SelfSignedCertificate self = SelfSignedCertificate.readOrCreate(dataDir.resolve("api-tls"), apiHost, javaHome);
            key = self.key();
            chain = List.of(self.certificate());
        }
        Path store = PrivateFiles.directory(dataDir.resolve("payara")).resolve("api-keystore.p12");
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, STORE_PASSWORD, chain.toArray(Certificate[]::new));
            try (OutputStream out = PrivateFiles.newFile(store)) {
                ks.store(out, STORE_PASSWORD);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the API key store: " + e.getMessage(), e);
        }
        return new ApiTls(store, List.copyOf(chain));
    }

    /** JVM options that make Payara Micro serve from this key store (it copies it into its root dir). */
    public List<String> jvmOptions() {
        return List.of("-Djavax.net.ssl.keyStore=" + keyStore.toAbsolutePath(),
                "-Djavax.net.ssl.keyStorePassword=" + new String(STORE_PASSWORD), "-Djavax.net.ssl.keyStoreType=PKCS12");
    }

    /**
     * Pre-boot commands that turn the API listener into a TLS one: the listener takes Payara's {@code https-listener}
     * protocol, which serves {@link #ALIAS}; {@code httpListenerCommands} (the settings made for the plain protocol:
     * timeouts, DELETE bodies) are repeated for it.
     */
    public static List<String> preBootCommands(List<String> httpListenerCommands) {
        List<String> c = new java.util.ArrayList<>();
        for (String command : httpListenerCommands) {
            if (command.contains(HTTP_PROTOCOL)) c.add(command.replace(HTTP_PROTOCOL, HTTPS_PROTOCOL));
        }
        c.add("set " + HTTPS_PROTOCOL + "ssl.cert-nickname=" + ALIAS);
        c.add("set " + LISTENER + "protocol=https-listener");
        return c;
    }

    /** A TLS context that trusts exactly the served certificate (for the launcher's own readiness checks). */
    public SSLContext trustingItself() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, chain.get(chain.size() - 1));
            trust.setCertificateEntry(ALIAS + "-leaf", chain.get(0));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the API's own certificate", e);
        }
    }

    private static String value(Map<String, String> config, String key) {
        String v = config.get(key);
        return v == null ? "" : v.trim();
    }

    private static boolean bool(Map<String, String> config, String key) {
        return Boolean.parseBoolean(value(config, key));
    }
}
