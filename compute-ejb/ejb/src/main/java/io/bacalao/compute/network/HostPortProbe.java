package io.bacalao.compute.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.IntPredicate;

/**
 * Whether a TCP port can be bound on every interface of this host right now (what Docker needs to publish it, and a
 * Host-network task to listen on it). A port held by a published container is held by Docker's proxy, so it is seen.
 */
public final class HostPortProbe implements IntPredicate {
    @Override
    public boolean test(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
