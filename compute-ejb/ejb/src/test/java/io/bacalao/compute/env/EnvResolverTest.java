package io.bacalao.compute.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** env:NAME reads the node's variable only when an allow-list glob matches the whole name. */
class EnvResolverTest {
    private static final Map<String, String> HOST = Map.of("AWS_REGION", "eu-west-1", "MY_AWS_KEY", "secret",
            "HOME", "/root");
    private final EnvResolver resolver = new EnvResolver(List.of("AWS_*", "HOM?"), HOST::get);

    @Test
    void allowedVariablesAreReadAndLiteralsKept() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REGION", "env:AWS_REGION");
        env.put("H", "env:HOME");
        env.put("PLAIN", "value");
        env.put("OTHER", "vault:x");
        assertEquals(Map.of("REGION", "eu-west-1", "H", "/root", "PLAIN", "value", "OTHER", "vault:x"), resolver.resolve(env));
    }

    @Test
    void globsMatchTheWholeName() {
        assertEquals(Optional.of("environment variable 'MY_AWS_KEY' is not in allowed patterns"),
                resolver.refusal("env:MY_AWS_KEY"));
        assertEquals(Optional.of("environment variable 'HOMES' is not in allowed patterns"), resolver.refusal("env:HOMES"));
    }

    @Test
    void anEmptyAllowListAllowsNothing() {
        EnvResolver none = new EnvResolver(List.of(), HOST::get);
        assertEquals(Optional.of("environment variable 'HOME' is not in allowed patterns"), none.refusal("env:HOME"));
        EnvResolutionException e = assertThrows(EnvResolutionException.class, () -> none.resolve(Map.of("H", "env:HOME")));
        assertEquals("environment variable 'HOME' is not in allowed patterns", e.getMessage());
    }

    @Test
    void anAllowedButUnsetVariableFailsResolution() {
        EnvResolutionException e = assertThrows(EnvResolutionException.class,
                () -> resolver.resolve(Map.of("K", "env:AWS_SECRET")));
        assertEquals("required environment variable 'AWS_SECRET' not found", e.getMessage());
    }

    @Test
    void regexCharactersInPatternsAreLiteral() {
        EnvResolver dotted = new EnvResolver(List.of("A.B"), n -> "v");
        assertEquals(Optional.empty(), dotted.refusal("env:A.B"));
        assertEquals(Optional.of("environment variable 'AXB' is not in allowed patterns"), dotted.refusal("env:AXB"));
    }
}
