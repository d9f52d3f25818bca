package io.bacalao.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;

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

    private static final Cursor CURSOR = forThisFork();

    /**
     * The first of {@code count} consecutive free ports in 20000..31000 (below the ephemeral range, 32768+), in this
     * JVM's part of it; never one this JVM handed out recently ({@link Cursor}).
     */
    public static int freeBlock(int count) {
        return CURSOR.next(count);
    }

    private static Cursor forThisFork() {
        int part = Math.floorMod(Integer.getInteger("bacalao.it.fork", 1) - 1, PARTS);
        int width = SPAN / PARTS;
        // a random start, so that runs one after another (or a devstack left running) do not begin on the same ports
        return new Cursor(LOWEST + part * width, width, ThreadLocalRandom.current().nextInt(width), TestPorts::isFree);
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

    /**
     * Hands out blocks of a range in increasing order from a starting offset, wrapping around at its end, each
     * block the first one after the previous whose ports are all free. Blocks drawn before any of them is bound (a
     * cluster's API ports, then its broker's; a cluster's ports, then its web UI's) therefore never overlap: drawn at
     * random, they did about once in 500 clusters, and a compute node then took the port its orchestrator's broker
     * was about to listen on. A port comes round again only after the whole range was handed out.
     */
    static final class Cursor {
        private final int first;
        private final int width;
        private final IntPredicate free;
        private int offset;

        Cursor(int first, int width, int offset, IntPredicate free) {
            this.first = first;
            this.width = width;
            this.offset = offset;
            this.free = free;
        }

        synchronized int next(int count) {
            if (count < 1 || count > width) throw new IllegalArgumentException("a block of " + count + " ports");
            for (int tried = 0; tried < width; tried++) {
                if (offset + count > width) offset = 0;
                int base = first + offset;
                int taken = firstTaken(base, count);
                if (taken < 0) {
                    offset += count;
                    return base;
                }
                offset = taken - first + 1;
            }
            throw new IllegalStateException("no block of " + count + " free ports in " + first + ".." + (first + width - 1));
        }

        /** The first port of the block that is not free, or -1 when all are. */
        private int firstTaken(int base, int count) {
            for (int p = base; p < base + count; p++) if (!free.test(p)) return p;
            return -1;
        }
    }
}
