package io.bacalao.compute.storage.url;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that passes at most {@code cap} bytes on to {@code downstream}: one byte more cancels the
 * transfer and fails the body with {@link TooLarge}, so a server cannot fill the node's disk (chunked bodies and
 * lying Content-Length headers included).
 */
final class CappedBody<T> implements HttpResponse.BodySubscriber<T> {
    /** The body is longer than the cap; not worth retrying. */
    static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("the body is larger than " + cap + " bytes");
        }
    }

    private final HttpResponse.BodySubscriber<T> downstream;
    private final long cap;
    private long seen;
    private Flow.Subscription subscription;
    private boolean over;

    /** {@code declared} is the Content-Length (-1 if unknown): a body declared too large is refused unread. */
    CappedBody(HttpResponse.BodySubscriber<T> downstream, long cap, long declared) {
        this.downstream = downstream;
        this.cap = cap;
        this.seen = declared > cap ? declared : 0;
    }

    @Override
    public CompletionStage<T> getBody() {
        return downstream.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        downstream.onSubscribe(s);
        if (seen > cap) {
            over = true;
            s.cancel();
            downstream.onError(new TooLarge(cap));
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (over) return;
        for (ByteBuffer b : items) seen += b.remaining();
        if (seen > cap) {
            over = true;
            subscription.cancel();
            downstream.onError(new TooLarge(cap));
            return;
        }
        downstream.onNext(items);
    }

    @Override
    public void onError(Throwable t) {
        if (!over) downstream.onError(t);
    }

    @Override
    public void onComplete() {
        if (!over) downstream.onComplete();
    }
}
