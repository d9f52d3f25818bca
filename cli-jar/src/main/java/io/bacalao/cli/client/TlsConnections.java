package io.bacalao.cli.client;

import io.bacalao.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The CLI's TLS: the context for {@link TlsSettings}, applied to an {@code https} connection, and TLS failures
 * turned into {@code Error: …} lines that say what to do. Loaded only for {@code https} endpoints, so plain HTTP
 * pays for no TLS classes (docs/cli-startup.md).
 */
public final class TlsConnections {
    private TlsConnections() {
    }

    /** Applies the settings to an {@code https} connection; the JDK's defaults when neither CA file nor insecure. */
    static void configure(HttpURLConnection connection, TlsSettings tls) {
        if (!(connection instanceof HttpsURLConnection https)) return;
        SSLContext ctx = context(tls);
        if (ctx != null) https.setSSLSocketFactory(ctx.getSocketFactory());
        if (tls.insecure()) https.setHostnameVerifier((host, session) -> true);
    }

    /** The context for these settings, or null for the JDK's default. */
    public static SSLContext context(TlsSettings tls) {
        try {
            TrustManager[] trust;
            if (tls.insecure()) {
                trust = new TrustManager[]{new TrustingEverything()};
            } else if (tls.caFile() != null && !tls.caFile().isBlank()) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(caStore(Path.of(tls.caFile())));
                trust = tmf.getTrustManagers();
            } else {
                return null;
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, trust, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new CliException("cannot set up TLS: " + e.getMessage());
        }
    }

    private static KeyStore caStore(Path file) throws GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new CliException("the CA file " + file + " does not exist (--cacert, API.TLS.CAFile)");
        } catch (IOException | GeneralSecurityException e) {
            throw new CliException("cannot read the CA file " + file + " (--cacert, API.TLS.CAFile): " + e.getMessage());
        }
        if (certs.isEmpty()) {
            throw new CliException("the CA file " + file + " holds no PEM certificate (--cacert, API.TLS.CAFile)");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certs) ks.setCertificateEntry("ca-" + i++, c);
        return ks;
    }

    /**
     * The error for a failed {@code https} exchange with {@code endpoint}, or null when {@code e} is no TLS
     * failure (the caller reports it as unreachable).
     */
    static CliException failure(Endpoint endpoint, IOException e) {
        if (e instanceof SSLHandshakeException h) {
            String why = rootMessage(h);
            if (why.contains("PKIX") || why.contains("unable to find valid certification path")
                    || why.contains("No subject alternative") || why.contains("No name matching")) {
                return new CliException("the orchestrator at " + endpoint.uri("") + " presented a TLS certificate this"
                        + " client does not trust (" + why + ")",
                        "trust its CA with --cacert FILE (API.TLS.CAFile; a SelfSigned node's is <DataDir>/api-tls/self-signed.crt),"
                                + " or skip the check with --insecure");
            }
            return new CliException("TLS handshake with the orchestrator at " + endpoint.uri("") + " failed (" + why + ")");
        }
        if (e instanceof SSLException s) {
            return new CliException("TLS with the orchestrator at " + endpoint.uri("") + " failed (" + rootMessage(s) + ")",
                    "if its API is plain HTTP, drop --tls/--cacert/--insecure and use an http:// or bare --api-host");
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    /** {@code --insecure}: any certificate, any host name (an extended manager, so the JDK adds no name check). */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
