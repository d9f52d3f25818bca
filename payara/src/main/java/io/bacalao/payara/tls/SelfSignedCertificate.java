package io.bacalao.payara.tls;

import io.bacalao.payara.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code API.TLS.SelfSigned}: an RSA 2048 key and a self-signed certificate made once by the JDK's {@code keytool}
 * (the JDK has no public API to sign a certificate) and kept in {@code <dir>/self-signed.p12} (0600, in a 0700
 * folder); its certificate is also written as {@code <dir>/self-signed.crt} (PEM) for clients to trust with
 * {@code --cacert}. Names: localhost, 127.0.0.1, this machine's host name and {@code API.Host} when it is
 * specific. Valid 10 years; delete the folder to make a new one (e.g. after changing API.Host).
 */
public record SelfSignedCertificate(PrivateKey key, X509Certificate certificate) {
    static final String STORE = "self-signed.p12";
    public static final String CERT = "self-signed.crt";
    /** keytool generating a 2048-bit RSA key takes well under a second; a loaded machine gets far more. */
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    public static SelfSignedCertificate readOrCreate(Path dir, String apiHost, Path javaHome) throws IOException {
        PrivateFiles.directory(dir);
        Path store = dir.resolve(STORE);
        if (!Files.isRegularFile(store)) generate(dir, store, apiHost, javaHome);
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, ApiTls.STORE_PASSWORD);
            PrivateKey key = (PrivateKey) ks.getKey(ApiTls.ALIAS, ApiTls.STORE_PASSWORD);
            X509Certificate cert = (X509Certificate) ks.getCertificate(ApiTls.ALIAS);
            if (key == null || cert == null) throw new IOException(store + " holds no " + ApiTls.ALIAS + " key; delete it to make a new one");
            Path pem = dir.resolve(CERT);
            if (!Files.isRegularFile(pem)) Files.writeString(pem, pem(cert));
            return new SelfSignedCertificate(key, cert);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the self-signed API certificate " + store + ": " + e.getMessage(), e);
        }
    }

    private static void generate(Path dir, Path store, String apiHost, Path javaHome) throws IOException {
        Path partial = dir.resolve(STORE + ".partial");
        Files.deleteIfExists(partial);
        List<String> cmd = List.of(javaHome.resolve("bin").resolve("keytool").toString(), "-genkeypair",
                "-alias", ApiTls.ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=" + commonName(apiHost) + ",O=Bacalao self-signed", "-ext", "SAN=" + subjectAltNames(apiHost),
                "-storetype", "PKCS12", "-keystore", partial.toString(),
                "-storepass", new String(ApiTls.STORE_PASSWORD), "-keypass", new String(ApiTls.STORE_PASSWORD));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool could not make the self-signed API certificate: " + out.strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the self-signed API certificate");
        }
        // the folder is 0700, so the moment before the mode is narrowed exposes nothing
        PrivateFiles.existingFile(partial);
        Files.move(partial, store);
    }

    static String subjectAltNames(String apiHost) {
        Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1"));
        try {
            String host = InetAddress.getLocalHost().getHostName();
            if (host.matches("[A-Za-z0-9.-]+") && !host.matches("[0-9.]+")) names.add("dns:" + host);
        } catch (IOException unknown) {
            // no host name: localhost and the addresses only
        }
        if (apiHost != null && !apiHost.isBlank() && !apiHost.equals("0.0.0.0") && !apiHost.equals("::")) {
            names.add((apiHost.matches("[0-9.]+") || apiHost.contains(":") ? "ip:" : "dns:") + apiHost);
        }
        return String.join(",", names);
    }

    private static String commonName(String apiHost) {
        return apiHost == null || apiHost.isBlank() || apiHost.equals("0.0.0.0") || !apiHost.matches("[A-Za-z0-9.-]+")
                ? "localhost" : apiHost;
    }

    static String pem(X509Certificate cert) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
