package io.bacalao.compute.bidding.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.compute.env.EnvResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** env:NAME values outside Compute.Env.AllowList refuse the bid with Bacalhau's words. */
class EnvResolverStrategyTest {
    private final EnvResolverStrategy strategy = new EnvResolverStrategy(new EnvResolver(List.of("AWS_*"), n -> "x"));

    @Test
    void aHostVariableOutsideTheAllowListIsRefused() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KEY", "env:AWS_KEY");
        env.put("TOKEN", "env:GITHUB_TOKEN");
        assertEquals(Optional.of("this node does not resolve environment variable TOKEN: environment variable"
                + " 'GITHUB_TOKEN' is not in allowed patterns"), strategy.refusal(Jobs.withEnv(env)));
    }

    @Test
    void literalAndAllowedValuesPass() {
        assertEquals(Optional.empty(), strategy.refusal(Jobs.withEnv(Map.of("A", "plain", "B", "env:AWS_REGION",
                "C", "file:/etc/passwd"))));
        assertEquals(Optional.empty(), strategy.refusal(Jobs.noop()));
    }
}
