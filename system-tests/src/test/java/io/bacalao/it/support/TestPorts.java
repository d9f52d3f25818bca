package io.bacalao.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Blocks of consecutive free ports, so clusters of tests never collide with each other or a devstack. */
public final class TestPorts {
    private TestPorts() {
    }

    /** The first of {@code count} consecutive free ports in 20000..31000, below the ephemeral range (32768+). */
    public static int freeBlock(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20000 + ThreadLocalRandom.current().nextInt(0, 11000);
            boolean ok = true;
            for (int p = base; p < base + count && ok; p++) ok = isFree(p);
            if (ok) return base;
        }
        throw new IllegalStateException("no block of " + count + " free ports found");
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
