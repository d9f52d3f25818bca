package io.bacalao.domain.spec;

import io.bacalao.domain.model.DomainRule;
import io.bacalao.domain.model.NetworkConfig;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.PortMapping;
import io.bacalao.domain.model.SpecConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bacalhau's submission rules for a task's {@code Network} ({@code NetworkConfig.Validate} and {@code PortMap.Validate}
 * in {@code pkg/models/network.go}), with its messages, each prefixed {@code invalid network: }. Bacalao adds one:
 * an HTTP network needs at least one domain (Bacalhau accepts the job and fails it when it runs), and a wasm task
 * asks for none: Bacalao runs modules with WASI preview 1, which has no sockets, so such a job could only wait for a
 * node that never comes (Bacalhau offers an HTTP host module instead; docs/networking.md).
 */
final class NetworkRules {
    private static final int MIN_PORT = 1024;
    private static final int MAX_PORT = 65535;
    private static final Pattern PORT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A name becomes {@code BACALHAU_HOST_PORT_<name>}, which stays within 256 characters. */
    private static final int MAX_PORT_NAME = 256 - "BACALHAU_HOST_PORT_".length();

    private NetworkRules() {
    }

    static List<String> errors(SpecConfig engine, NetworkConfig n) {
        List<String> errors = new ArrayList<>();
        if (engine.is("wasm") && n.type() != NetworkType.Default && n.type() != NetworkType.None) {
            errors.add("wasm jobs cannot use the network (network type " + n.type() + "): Bacalao runs WebAssembly"
                    + " modules with WASI preview 1, which has no sockets; use a docker job, or network type None");
        }
        if (!n.domains().isEmpty() && n.type() != NetworkType.HTTP) {
            errors.add("domains can only be set for HTTP network mode");
        }
        if (n.type() == NetworkType.HTTP && n.domains().isEmpty()) {
            errors.add("at least one domain is required when HTTP networking is enabled");
        }
        for (String domain : n.domains()) {
            try {
                DomainRule.parse(domain);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (!n.ports().isEmpty()) {
            if (!supportsPorts(n.type())) {
                errors.add("ports can only be set for Host or Bridge network modes");
            } else {
                errors.addAll(portErrors(n.type(), n.ports()));
            }
        }
        return errors.stream().map(e -> "invalid network: " + e).toList();
    }

    /** Host (and its alias Full) and Bridge networks take port mappings; Default, None and HTTP do not. */
    static boolean supportsPorts(NetworkType type) {
        return type == NetworkType.Host || type == NetworkType.Full || type == NetworkType.Bridge;
    }

    private static List<String> portErrors(NetworkType type, List<PortMapping> ports) {
        List<String> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> statics = new HashSet<>();
        Set<Integer> targets = new HashSet<>();
        for (PortMapping p : ports) {
            String problem = portError(p);
            if (problem != null) {
                errors.add(problem);
                continue;
            }
            if (!names.add(p.name())) errors.add("duplicate port mapping name \"" + Texts.quote(p.name()) + "\"");
            if (p.staticPort() != 0 && !statics.add(p.staticPort())) {
                errors.add("duplicate port mapping static port " + p.staticPort());
            }
            if (type != NetworkType.Bridge && p.target() != 0) {
                errors.add("target ports cannot be set for Host network mode");
            }
            if (type == NetworkType.Bridge && p.target() != 0 && !targets.add(p.target())) {
                errors.add("duplicate port mapping target port " + p.target());
            }
        }
        return errors;
    }

    /** The first problem of one mapping on its own, or null. */
    private static String portError(PortMapping p) {
        if (p == null || p.name() == null || p.name().isEmpty()) return "port mapping name is required";
        if (!PORT_NAME.matcher(p.name()).matches()) {
            return "port name must be a valid environment variable name: "
                    + "start with letter/underscore and contain only letters, numbers, and underscores";
        }
        if (p.name().length() > MAX_PORT_NAME) return "port name too long (max " + MAX_PORT_NAME + " characters)";
        if (p.staticPort() != 0 && p.staticPort() < MIN_PORT) {
            return "static port " + p.staticPort() + " is in privileged port range (1-1023)";
        }
        if (p.staticPort() > MAX_PORT) return "static port " + p.staticPort() + " is above maximum valid port 65535";
        if (p.target() < 0 || p.target() > MAX_PORT) return "invalid target port " + p.target();
        if (p.hostNetwork() != null && !p.hostNetwork().isEmpty() && !DomainRule.isIpLiteral(p.hostNetwork())) {
            return "invalid host network IP address: " + p.hostNetwork();
        }
        return null;
    }

}
