package io.bacalao.compute.executor.docker;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The node's rules for every container it starts (docs/compute-isolation.md): never privileged, no devices (GPUs come
 * through device requests only), {@code no-new-privileges}, every capability dropped and only {@link #capabilities}
 * added back ({@value ConfigKeys#DOCKER_CAPABILITIES}), at most {@link #pidsLimit} processes
 * ({@value ConfigKeys#DOCKER_PIDS_LIMIT}; a fork bomb stops there instead of exhausting the host's PIDs), and host
 * networking refused when the node rejects networked jobs ({@code JobAdmissionControl.RejectNetworkedJobs}, also
 * enforced when bidding).
 */
public record ContainerSecurity(List<String> capabilities, long pidsLimit, boolean hostNetworkAllowed) {
    /** Docker's default capability set without MKNOD, NET_RAW, SETFCAP, SETPCAP, SYS_CHROOT and AUDIT_WRITE. */
    public static final String DEFAULT_CAPABILITIES = "CHOWN,DAC_OVERRIDE,FOWNER,FSETID,KILL,NET_BIND_SERVICE,SETGID,SETUID";
    public static final String DEFAULT_PIDS_LIMIT = "1024";
    /** Bacalhau's admission key; the bidder refuses such jobs first, this is the second line. */
    private static final Pattern CAPABILITY = Pattern.compile("[A-Z_]+");

    public ContainerSecurity {
        capabilities = List.copyOf(capabilities);
    }

    public static ContainerSecurity defaults() {
        return from(Config.defaults());
    }

    /** The rules from the node's configuration; a malformed capability name is a configuration error. */
    public static ContainerSecurity from(Config config) {
        List<String> caps = new ArrayList<>();
        for (String raw : config.getList(ConfigKeys.DOCKER_CAPABILITIES)) {
            String c = raw.strip().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
            if (c.isEmpty()) continue;
            if (!CAPABILITY.matcher(c).matches() || c.equals("ALL")) {
                throw new IllegalArgumentException(ConfigKeys.DOCKER_CAPABILITIES + ": \"" + raw
                        + "\" is not a capability name (e.g. CHOWN, NET_BIND_SERVICE)");
            }
            caps.add(c);
        }
        long pids = Long.parseLong(config.get(ConfigKeys.DOCKER_PIDS_LIMIT).strip());
        return new ContainerSecurity(caps, pids, !config.getBool(ConfigKeys.REJECT_NETWORKED_JOBS));
    }
}
