package io.bacalao.compute.env;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Task Env values of the form {@code env:NAME} are read from this node's own environment, and only when NAME
 * matches a {@code Compute.Env.AllowList} pattern ({@code pkg/compute/env/host_resolver.go}); every other value
 * (also one with another prefix) is literal. Patterns are globs matched against the whole name: {@code *} any
 * run of characters, {@code ?} one character. (Bacalhau documents globs but matches them as unanchored regular
 * expressions, so that {@code AWS_*} there also allows {@code MY_AWS_SECRET}; here it does not.) An empty list
 * allows nothing: host variables never reach a job unless the operator names them.
 */
public final class EnvResolver {
    static final String PREFIX = "env:";

    private final List<Pattern> allowed;
    private final Function<String, String> host;

    /** {@code host} reads a variable of this node's environment (null when unset). */
    public EnvResolver(List<String> allowList, Function<String, String> host) {
        this.allowed = allowList.stream().map(String::strip).filter(s -> !s.isEmpty()).map(EnvResolver::glob).toList();
        this.host = host;
    }

    public static EnvResolver from(Config config) {
        return new EnvResolver(config.getList(ConfigKeys.ENV_ALLOW_LIST), System::getenv);
    }

    /** Why {@code value} cannot be resolved here (Bacalhau's text), or empty when it is literal or allowed. */
    public Optional<String> refusal(String value) {
        String var = hostVariable(value);
        if (var == null || isAllowed(var)) return Optional.empty();
        return Optional.of("environment variable '" + var + "' is not in allowed patterns");
    }

    /** The task's Env with every {@code env:NAME} replaced by the node's value, in the task's order. */
    public Map<String, String> resolve(Map<String, String> env) throws EnvResolutionException {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            Optional<String> refused = refusal(e.getValue());
            if (refused.isPresent()) throw new EnvResolutionException(refused.get());
            String var = hostVariable(e.getValue());
            String value = var == null ? e.getValue() : host.apply(var);
            if (value == null) throw new EnvResolutionException("required environment variable '" + var + "' not found");
            resolved.put(e.getKey(), value);
        }
        return resolved;
    }

    private static String hostVariable(String value) {
        return value != null && value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : null;
    }

    private boolean isAllowed(String var) {
        return allowed.stream().anyMatch(p -> p.matcher(var).matches());
    }

    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
