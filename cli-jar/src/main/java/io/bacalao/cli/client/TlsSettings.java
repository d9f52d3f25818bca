package io.bacalao.cli.client;

/**
 * How the CLI talks TLS to the API (docs/tls.md): whether at all ({@code --tls}, {@code API.TLS.UseTLS} or an
 * {@code https://} {@code --api-host}), which CA file to trust instead of the JDK's ({@code --cacert},
 * {@code API.TLS.CAFile}), or to trust any certificate and host name ({@code --insecure}, {@code API.TLS.Insecure}).
 *
 * @param caFile a PEM file of CA certificates, or null for the JDK's trust store
 */
public record TlsSettings(boolean useTls, String caFile, boolean insecure) {
    public static final TlsSettings NONE = new TlsSettings(false, null, false);
}
