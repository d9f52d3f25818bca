package io.bacalao.domain.ipfs;

import java.util.function.Supplier;

/**
 * The Kubo client of one configured endpoint (e.g. {@code InputSources.Types.IPFS.Endpoint}), the value read when
 * first asked for: CDI beans get their settings only after construction. An empty or missing value means that IPFS
 * is not configured there.
 */
public final class ConfiguredKubo {
    private final Supplier<String> value;
    private String endpoint;
    private KuboClient client;

    public ConfiguredKubo(Supplier<String> value) {
        this.value = value;
    }

    /** The endpoint as configured, stripped; empty when unset. */
    public synchronized String endpoint() {
        if (endpoint == null) {
            String v = value.get();
            endpoint = v == null ? "" : v.strip();
        }
        return endpoint;
    }

    public boolean configured() {
        return !endpoint().isEmpty();
    }

    /** @throws IllegalArgumentException when the endpoint is neither a multiaddress nor a URL */
    public synchronized KuboClient client() {
        if (client == null) client = KuboClient.of(endpoint());
        return client;
    }
}
