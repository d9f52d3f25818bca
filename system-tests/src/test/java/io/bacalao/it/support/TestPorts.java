package io.bacalao.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Blocks of consecutive free ports, so clusters of tests never collide with each other or a devstack. The test
 * JVMs that run at once ({@code bacalao.it.fork} 1, 2, …; up to four) each draw from their own part
 * of the range, so two cannot pick the same free block at the same moment.
 */
public final class TestPorts {
    private TestPorts() {
    }

    static final int LOWEST = 20000;
    static final int SPAN = 11000;
    /** How many parts the range is split into: enough for the system tests' fork count. */
    static final int PARTS = 4;

    /**
     * The first of {@code count} consecutive free ports in 20000..31000 (below the ephemeral range, 32768+), in this
     * JVM's part of it.
     */
    public static int freeBlock(int count) {
        int part = Math.floorMod(Integer.getInteger("bacalao.it.fork", 1) - 1, PARTS);
        int width = SPAN / PARTS;
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = LOWEST + part * width + ThreadLocalRandom.current().nextInt(0, width - count);
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
