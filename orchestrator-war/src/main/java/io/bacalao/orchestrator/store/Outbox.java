package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.protocol.ProtocolMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What a committed transaction asks to be sent: protocol messages to compute nodes and evaluations to
 * schedule. Sent after commit; sweeps re-send whatever a crash in between loses.
 */
public record Outbox(List<ProtocolMessage> messages, List<Evaluation> evaluations) {
    public static Outbox empty() {
        return new Outbox(new ArrayList<>(), new ArrayList<>());
    }

    public Outbox add(ProtocolMessage m) {
        messages.add(m);
        return this;
    }

    public Outbox add(Evaluation e) {
        evaluations.add(e);
        return this;
    }
}
