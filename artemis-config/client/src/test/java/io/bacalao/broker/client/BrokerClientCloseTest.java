package io.bacalao.broker.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing a client while it is connecting to a broker that never answers (a plain client at a TLS port). */
class BrokerClientCloseTest {

    @Test
    void closeDoesNotWaitForAConnectionAttemptInProgress() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        Socket s = silent.accept();   // takes the connection, never says a word
                        synchronized (accepted) {
                            accepted.add(s);
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            BrokerClient client = new BrokerClient(new BrokerEndpoint("tcp://127.0.0.1:" + silent.getLocalPort(), "", ""));
            // threads of their own: the common pool has one worker on 2 cores, which the blocked send would hold
            var threads = java.util.concurrent.Executors.newCachedThreadPool();
            CompletableFuture<Void> send = CompletableFuture.runAsync(() -> client.send("q", "hello", Map.of()), threads);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                synchronized (accepted) {
                    if (!accepted.isEmpty()) break;
                }
                Thread.sleep(20);
            }
            synchronized (accepted) {
                assertTrue(!accepted.isEmpty(), "the client is connecting");
            }

            // the attempt lasts the client's 10 s call timeout; close() must not wait for it
            CompletableFuture<Void> close = CompletableFuture.runAsync(client::close, threads);
            close.get(5, TimeUnit.SECONDS);
            Exception failed = assertThrows(Exception.class, () -> send.get(30, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof BrokerUnavailableException, String.valueOf(failed.getCause()));
            assertThrows(BrokerUnavailableException.class, () -> client.send("q", "after close", Map.of()),
                    "a closed client does not connect again");
            acceptor.interrupt();
            threads.shutdown();
        }
    }
}
