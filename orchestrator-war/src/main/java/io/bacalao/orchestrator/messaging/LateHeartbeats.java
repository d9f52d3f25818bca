package io.bacalao.orchestrator.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Says when heartbeats reach the orchestrator late: a heartbeat taken more than {@code limit} (a third of the
 * disconnect timeout) after its node sent it means the broker or this node is overloaded, and live nodes may soon be
 * declared gone. At most one warning a minute, with the worst delay since the last one. The delay is measured
 * against the sender's clock ({@code JMSTimestamp}), so clocks more than {@code limit} apart also show here.
 */
final class LateHeartbeats {
    static final Duration QUIET = Duration.ofMinutes(1);
    private final long limitMillis;
    private final Clock clock;
    private final Consumer<String> warn;
    private long worstMillis;
    private long nextWarningMillis;

    LateHeartbeats(Duration limit, Clock clock, Consumer<String> warn) {
        this.limitMillis = limit.toMillis();
        this.clock = clock;
        this.warn = warn;
    }

    /** Looks at the send times (epoch ms; 0 when unknown) of heartbeats taken now. */
    synchronized void check(List<Long> sentAtMillis) {
        long now = clock.millis();
        for (long sent : sentAtMillis) {
            if (sent > 0) worstMillis = Math.max(worstMillis, now - sent);
        }
        if (worstMillis > limitMillis && now >= nextWarningMillis) {
            warn.accept("heartbeats reach the orchestrator up to " + worstMillis / 1000 + "s after their nodes sent them"
                    + " (limit " + limitMillis / 1000 + "s): the broker or the orchestrator is overloaded, or clocks differ");
            worstMillis = 0;
            nextWarningMillis = now + QUIET.toMillis();
        }
    }

    static long sentAt(Message m) {
        try {
            return m.getJMSTimestamp();
        } catch (JMSException e) {
            return 0;
        }
    }
}
