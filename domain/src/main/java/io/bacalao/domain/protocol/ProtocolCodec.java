package io.bacalao.domain.protocol;

import io.bacalao.domain.spec.Json;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** JSON encoding of protocol messages; the type name travels beside the body. */
public final class ProtocolCodec {
    private static final Map<String, Class<? extends ProtocolMessage>> TYPES = Stream.of(
                    HandshakeRequest.class, HandshakeResponse.class, Heartbeat.class, NodeInfoUpdate.class,
                    ShutdownNotice.class, AskForBid.class, BidAccepted.class, BidRejected.class, CancelExecution.class,
                    BidResult.class, RunResult.class, ComputeError.class, ExecutionProgress.class,
                    LogStreamRequest.class, LogStreamCancel.class, LogChunk.class, ExecutionStateRequest.class, ManagedPublisherUrlRequest.class,
                    ManagedPublisherUrlResponse.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private ProtocolCodec() {
    }

    public static String typeOf(ProtocolMessage m) {
        return m.getClass().getSimpleName();
    }

    public static String encode(ProtocolMessage m) {
        return Json.write(m);
    }

    /** Decodes a message; unknown types fail with {@link IllegalArgumentException}. */
    public static ProtocolMessage decode(String type, String json) {
        Class<? extends ProtocolMessage> cls = type == null ? null : TYPES.get(type);
        if (cls == null) throw new IllegalArgumentException("unknown protocol message type: " + type);
        return Json.read(json, cls);
    }
}
