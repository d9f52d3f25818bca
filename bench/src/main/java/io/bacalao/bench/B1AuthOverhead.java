package io.bacalao.bench;

import io.bacalao.domain.config.ConfigKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * B1 with the entry-point authoriser on and off (docs/auth.md), in the same run: two devstacks of 1 orchestrator +
 * 1 compute node side by side, one open, one with {@code API.Auth.Users} (an API key and a plain-password user),
 * driven interleaved (open, auth, auth, open, … so that neither always goes first). Prints submit → Completed of
 * noop jobs at c=1 for each, and the round trip of one protected read ({@code GET /api/v1/agent/node}) open, with
 * the API key and with Basic credentials: the difference at p50 is what the authoriser adds per request.
 *
 * <p>Usage: {@code bench/run B1AuthOverhead [jobs=200] [requests=1000] [warmup=50]}
 */
public final class B1AuthOverhead {
    static final String KEY = "bench-api-key-0123456789abcdef";
    static final String USERS = "[{\"Alias\":\"bench-key\",\"APIKey\":\"" + KEY + "\",\"Capabilities\":[{\"Actions\":[\"*\"]}]},"
            + "{\"Username\":\"bench\",\"Password\":\"benchpassword\",\"Capabilities\":[{\"Actions\":[\"*\"]}]}]";

    private B1AuthOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (BenchCluster open = new BenchCluster(1, BenchCluster.freePorts(1));
             BenchCluster auth = new BenchCluster(1, withUsers(BenchCluster.freePorts(1)))) {
            String bearer = "Bearer " + KEY;
            String basic = "Basic " + Base64.getEncoder().encodeToString("bench:benchpassword".getBytes(StandardCharsets.UTF_8));
            auth.authorization(bearer);
            System.out.printf("B1-auth devstacks ready in %.1fs (open) and %.1fs (auth)%n", open.startupSeconds(), auth.startupSeconds());
            B1NoopLatency.load(open, warmup, 1, new Stats());
            B1NoopLatency.load(auth, warmup, 1, new Stats());
            for (int i = 0; i < 200; i++) {
                open.get("/api/v1/agent/node");
                auth.get("/api/v1/agent/node");
            }
            Stats openReq = new Stats();
            Stats keyReq = new Stats();
            Stats basicReq = new Stats();
            for (int i = 0; i < requests; i++) {
                boolean openFirst = i % 2 == 0;
                if (openFirst) time(open, openReq);
                auth.authorization(bearer);
                time(auth, keyReq);
                auth.authorization(basic);
                time(auth, basicReq);
                if (!openFirst) time(open, openReq);
            }
            auth.authorization(bearer);
            System.out.println(openReq.summary("GET /agent/node, auth off", 1));
            System.out.println(keyReq.summary("GET /agent/node, auth on, API key", 1));
            System.out.println(basicReq.summary("GET /agent/node, auth on, Basic (plain password)", 1));
            System.out.printf(java.util.Locale.ROOT, "authoriser cost at p50: API key %+.2f ms, Basic %+.2f ms per request%n",
                    keyReq.percentile(50) - openReq.percentile(50), basicReq.percentile(50) - openReq.percentile(50));
            Stats openJobs = new Stats();
            Stats authJobs = new Stats();
            for (int i = 0; i < jobs; i++) {
                if (i % 2 == 0) {
                    B1NoopLatency.load(open, 1, 1, openJobs);
                    B1NoopLatency.load(auth, 1, 1, authJobs);
                } else {
                    B1NoopLatency.load(auth, 1, 1, authJobs);
                    B1NoopLatency.load(open, 1, 1, openJobs);
                }
            }
            System.out.println(openJobs.summary("B1 noop c=1, auth off", 1));
            System.out.println(authJobs.summary("B1 noop c=1, auth on (API key)", 1));
            System.out.printf(java.util.Locale.ROOT, "B1 p50 difference (auth on - off): %+.2f ms%n",
                    authJobs.percentile(50) - openJobs.percentile(50));
        }
    }

    /** Ports chosen once the first devstack holds its own, so the two cannot pick the same. */
    private static Map<String, String> withUsers(Map<String, String> ports) {
        Map<String, String> m = new HashMap<>(ports);
        m.put(ConfigKeys.API_AUTH_USERS, USERS);
        return m;
    }

    private static void time(BenchCluster c, Stats s) throws Exception {
        long t = System.nanoTime();
        String body = c.get("/api/v1/agent/node");
        s.add((System.nanoTime() - t) / 1e6);
        if (!body.contains("\"NodeID\"")) throw new IllegalStateException("unexpected answer: " + body);
    }
}
