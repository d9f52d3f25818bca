package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.TimeoutHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LaterAnswerTest {
    private final Recorded response = new Recorded();

    @Test
    void theAnswerIsMadeFromTheResultWhenTheWorkCompletes() {
        CompletableFuture<Integer> work = new CompletableFuture<>();

        LaterAnswer.resume(response, work, n -> "answer " + n);

        assertEquals(List.of(), response.resumed);
        work.complete(7);
        assertEquals(List.of("answer 7"), response.resumed);
    }

    @Test
    void whatTheWorkThrewIsResumedUnwrapped() {
        IllegalStateException refused = new IllegalStateException("refused");
        CompletableFuture<Integer> work = new CompletableFuture<>();

        LaterAnswer.resume(response, work, n -> n);
        work.completeExceptionally(new CompletionException(refused));

        assertEquals(List.of(refused), response.resumed);
    }

    @Test
    void whatMakingTheAnswerThrewIsResumed() {
        IllegalStateException broken = new IllegalStateException("broken");

        LaterAnswer.resume(response, CompletableFuture.completedFuture(1), n -> {
            throw broken;
        });

        assertEquals(List.of(broken), response.resumed);
    }

    /** Records what a request was resumed with; every other method is unused by {@link LaterAnswer}. */
    private static final class Recorded implements AsyncResponse {
        final List<Object> resumed = new ArrayList<>();

        @Override
        public boolean resume(Object answer) {
            resumed.add(answer);
            return true;
        }

        @Override
        public boolean resume(Throwable thrown) {
            resumed.add(thrown);
            return true;
        }

        @Override
        public boolean cancel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(int retryAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(Date retryAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isSuspended() {
            return resumed.isEmpty();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return !resumed.isEmpty();
        }

        @Override
        public boolean setTimeout(long time, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setTimeoutHandler(TimeoutHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Collection<Class<?>> register(Class<?> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Collection<Class<?>> register(Object callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
            throw new UnsupportedOperationException();
        }
    }
}
