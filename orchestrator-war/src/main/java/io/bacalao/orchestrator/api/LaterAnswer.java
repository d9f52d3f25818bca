package io.bacalao.orchestrator.api;

import jakarta.ws.rs.container.AsyncResponse;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Answers a suspended request from work that completes later (the API's gated writes), so that the HTTP thread
 * returns to its pool while the work waits its turn. Contract: the request is resumed exactly once, with the
 * answer made from the work's result, or with what the work (or making the answer) threw, which the API's error
 * mapper turns into Bacalhau's error body as it would a resource method's exception.
 */
final class LaterAnswer {
    private LaterAnswer() {
    }

    static <T> void resume(AsyncResponse response, CompletionStage<T> work, Function<T, ?> answer) {
        work.whenComplete((result, thrown) -> {
            if (thrown != null) {
                response.resume(thrown instanceof CompletionException c && c.getCause() != null ? c.getCause() : thrown);
                return;
            }
            try {
                response.resume(answer.apply(result));
            } catch (RuntimeException e) {
                response.resume(e);
            }
        });
    }
}
