package io.bacalao.cli.command;

import io.bacalao.cli.client.TlsSettings;
import io.bacalao.domain.config.ConfigKeys;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The CLI's TLS flags (docs/tls.md), on every command. Each setting is taken from the first place that gives it:
 * the flag, the environment ({@code BACALAO_API_TLS_*}, then Bacalhau's {@code BACALHAU_API_TLS_*}), the
 * configuration ({@code -c API.TLS.UseTLS}, the config file), else off. {@code --cacert} and {@code --insecure}
 * imply {@code --tls}, as does an {@code https://} {@code --api-host}.
 */
public class TlsOptions {
    @Option(names = "--tls", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "true",
            description = "Talk to the API over https (API.TLS.UseTLS, env BACALAO_API_TLS_USETLS).")
    Boolean tls;

    @Option(names = "--cacert", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "PEM file of the CA certificate(s) that signed the API's certificate; implies --tls"
                    + " (API.TLS.CAFile, env BACALAO_API_TLS_CAFILE).")
    String caCert;

    @Option(names = "--insecure", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "true",
            description = "Accept any API certificate and host name; implies --tls. For tests only"
                    + " (API.TLS.Insecure, env BACALAO_API_TLS_INSECURE).")
    Boolean insecure;

    /**
     * The settings for this command line. {@code config} answers a key from the configuration (null when unset);
     * it is only asked when neither flag nor environment decides, as reading the config file costs start-up time.
     */
    public TlsSettings resolve(Map<String, String> env, Function<String, String> config) {
        String caFile = caCert != null ? caCert : setting(env, config, ConfigKeys.API_TLS_CA_FILE);
        boolean skipCheck = insecure != null ? insecure : bool(setting(env, config, ConfigKeys.API_TLS_INSECURE));
        boolean use = tls != null ? tls : bool(setting(env, config, ConfigKeys.API_TLS_USE_TLS));
        use |= caCert != null || Boolean.TRUE.equals(insecure);
        return new TlsSettings(use, caFile == null || caFile.isBlank() ? null : caFile, skipCheck);
    }

    private static String setting(Map<String, String> env, Function<String, String> config, String key) {
        String name = key.toUpperCase(Locale.ROOT).replace('.', '_');
        String v = env.get("BACALAO_" + name);
        if (v == null) v = env.get("BACALHAU_" + name);
        return v != null ? v : config.apply(key);
    }

    private static boolean bool(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }
}
