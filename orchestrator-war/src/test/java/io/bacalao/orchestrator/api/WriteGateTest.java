package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteGateTest {
    private WriteGate gate;
    private final CountDownLatch mayReturn = new CountDownLatch(1);

    @AfterEach
    void close() {
        mayReturn.countDown();
        gate.close();
    }

    @Test
    void aWriteThatFindsAPermitFreeRunsAtOnceOnTheCallersThread() {
        gate = new WriteGate(1, Executors.defaultThreadFactory());

        CompletableFuture<Thread> ran = gate.through(Thread::currentThread);

        assertTrue(ran.isDone());
        assertSame(Thread.currentThread(), ran.join());
    }

    @Test
    void aWriteBeyondThePermitsWaitsInTheGateNotInItsCaller() throws Exception {
        gate = new WriteGate(1, Executors.defaultThreadFactory());
        CountDownLatch firstInside = new CountDownLatch(1);
        CompletableFuture<CompletableFuture<String>> first = fromAnotherThread(() -> gate.through(() -> {
            firstInside.countDown();
            await(mayReturn);
            return "first";
        }));
        firstInside.await();

        CompletableFuture<Thread> second = gate.through(Thread::currentThread);

        assertFalse(second.isDone(), "the second write ran while the only permit was held");
        mayReturn.countDown();
        assertEquals("first", first.get().get());
        assertNotSame(Thread.currentThread(), second.get(), "the caller ran a write that had to wait");
    }

    @Test
    void noMoreThanThePermitsRunAtOnce() throws Exception {
        gate = new WriteGate(2, Executors.defaultThreadFactory());
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoInside = new CountDownLatch(2);
        Supplier<Integer> write = () -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            twoInside.countDown();
            await(mayReturn);
            return inside.decrementAndGet();
        };
        CompletableFuture<CompletableFuture<Integer>> a = fromAnotherThread(() -> gate.through(write));
        CompletableFuture<CompletableFuture<Integer>> b = fromAnotherThread(() -> gate.through(write));
        twoInside.await();

        CompletableFuture<Integer> third = gate.through(write);

        assertFalse(third.isDone());
        mayReturn.countDown();
        CompletableFuture.allOf(a.get(), b.get(), third).get();
        assertEquals(2, most.get());
    }

    @Test
    void aWriteThatThrowsCompletesWithWhatItThrewAndFreesItsPermit() throws Exception {
        gate = new WriteGate(1, Executors.defaultThreadFactory());
        IllegalStateException refused = new IllegalStateException("refused");

        CompletableFuture<Object> failed = gate.through(() -> {
            throw refused;
        });

        assertSame(refused, failed.handle((r, e) -> e).get());
        assertEquals("next", gate.through(() -> "next").get());
    }

    @Test
    void aQueuedWriteThatThrowsCompletesWithWhatItThrew() throws Exception {
        gate = new WriteGate(1, Executors.defaultThreadFactory());
        CountDownLatch firstInside = new CountDownLatch(1);
        fromAnotherThread(() -> gate.through(() -> {
            firstInside.countDown();
            await(mayReturn);
            return null;
        }));
        firstInside.await();
        IllegalStateException refused = new IllegalStateException("refused");

        CompletableFuture<Object> failed = gate.through(() -> {
            throw refused;
        });
        mayReturn.countDown();

        assertSame(refused, failed.handle((r, e) -> e).get());
    }

    @Test
    void noPermitsRunsEachWriteAtOnceOnItsCallersThread() throws Exception {
        gate = new WriteGate(0, Executors.defaultThreadFactory());
        CountDownLatch bothInside = new CountDownLatch(2);
        Supplier<Thread> write = () -> {
            bothInside.countDown();
            await(bothInside);
            return Thread.currentThread();
        };

        CompletableFuture<CompletableFuture<Thread>> a = fromAnotherThread(() -> gate.through(write));
        CompletableFuture<Thread> b = gate.through(write);

        assertSame(Thread.currentThread(), b.get());
        assertTrue(a.get().isDone());
    }

    private static <T> CompletableFuture<T> fromAnotherThread(Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> result.complete(call.get()));
        return result;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
