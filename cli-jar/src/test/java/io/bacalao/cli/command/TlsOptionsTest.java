package io.bacalao.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.cli.client.Endpoint;
import io.bacalao.cli.client.TlsSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Where the CLI's TLS settings come from: flags, then BACALAO_/BACALHAU_ environment, then configuration. */
class TlsOptionsTest {
    static final Map<String, String> NO_CONFIG = Map.of();

    static TlsSettings resolve(Map<String, String> env, Map<String, String> config, String... args) {
        RootCommand root = new RootCommand();
        new CommandLine(root).parseArgs(args);
        return root.tlsOptions.resolve(env, config::get);
    }

    @Test
    void nothingGivenIsPlainHttp() {
        assertEquals(TlsSettings.NONE, resolve(Map.of(), NO_CONFIG));
        assertEquals("http", Endpoint.of("127.0.0.1", 1234).withTls(false).scheme());
    }

    @Test
    void flagsDecideAndCacertOrInsecureImplyTls() {
        assertEquals(new TlsSettings(true, null, false), resolve(Map.of(), NO_CONFIG, "--tls"));
        assertEquals(new TlsSettings(true, "/ca.pem", false), resolve(Map.of(), NO_CONFIG, "--cacert", "/ca.pem"));
        assertEquals(new TlsSettings(true, null, true), resolve(Map.of(), NO_CONFIG, "--insecure"));
        assertEquals(new TlsSettings(false, null, false),
                resolve(Map.of("BACALAO_API_TLS_USETLS", "true"), NO_CONFIG, "--tls=false"));
    }

    @Test
    void environmentBacalaoBeforeBacalhauBeforeConfig() {
        assertEquals(new TlsSettings(true, "/b.pem", false), resolve(Map.of("BACALHAU_API_TLS_USETLS", "true",
                "BACALHAU_API_TLS_CAFILE", "/b.pem"), NO_CONFIG));
        assertEquals(new TlsSettings(true, "/a.pem", true), resolve(Map.of("BACALAO_API_TLS_CAFILE", "/a.pem",
                "BACALHAU_API_TLS_CAFILE", "/b.pem", "BACALAO_API_TLS_USETLS", "1", "BACALHAU_API_TLS_INSECURE", "true"),
                Map.of("API.TLS.CAFile", "/c.pem")));
        assertEquals(new TlsSettings(true, "/c.pem", false), resolve(Map.of(),
                Map.of("API.TLS.UseTLS", "true", "API.TLS.CAFile", "/c.pem")));
    }

    @Test
    void anHttpsApiHostOrTlsMakesTheEndpointHttps() {
        assertEquals(new Endpoint("https", "h", 9), Endpoint.of("https://h:9", null));
        assertEquals(new Endpoint("https", "127.0.0.1", 1234), Endpoint.of("127.0.0.1", null).withTls(true));
    }
}
