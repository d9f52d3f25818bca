package io.bacalao.domain.protocol;

/**
 * One piece of a log stream: {@code type} 1 = stdout, 2 = stderr; {@code end} closes the stream, with
 * {@code error} set when the node could not stream (unknown execution, …).
 */
public record LogChunk(String nodeId, String streamId, long seq, int type, String line, boolean end, String error)
        implements ProtocolMessage {
}
