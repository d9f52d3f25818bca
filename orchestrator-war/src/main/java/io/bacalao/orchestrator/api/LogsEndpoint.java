package io.bacalao.orchestrator.api;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.Subscription;
import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.protocol.LogChunk;
import io.bacalao.domain.protocol.LogStreamCancel;
import io.bacalao.domain.protocol.LogStreamRequest;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.spec.Json;
import io.bacalao.orchestrator.messaging.Broker;
import io.bacalao.orchestrator.store.JobStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /api/v1/orchestrator/jobs/{id}/logs} as a websocket (reference §1.4): asks the node that ran the
 * execution to stream its output through the broker and forwards each piece as a text frame
 * {@code {"value":{"Type":1|2,"Line":"…"}}}; an error is one frame with {@code "error"} set; the stream ends
 * with a normal close. Query: {@code namespace}, {@code execution_id}, {@code job_version} (0: any version),
 * {@code all_job_versions} (accepted; every version is read unless {@code job_version} names one, as Bacalhau's
 * {@code ReadLogs}), {@code follow}, {@code tail}.
 */
@Dependent
@ServerEndpoint(value = "/api/v1/orchestrator/jobs/{id}/logs", subprotocols = WebSocketCredential.PROTOCOL)
public class LogsEndpoint {
    private static final Logger LOG = Logger.getLogger(LogsEndpoint.class.getName());
    private static final long WAIT_MILLIS = 1_000;
    private static final long SILENCE_LIMIT_MILLIS = 60_000;

    @Inject
    JobStore store;
    @Inject
    Broker broker;
    @Resource
    ManagedExecutorService pool;

    @OnOpen
    public void open(Session session, @PathParam("id") String id) {
        Map<String, List<String>> q = session.getRequestParameterMap();
        try {
            boolean follow = flag(q, "follow");
            boolean tail = flag(q, "tail");
            String namespace = QueryParams.text("namespace", first(q, "namespace"));
            String executionId = QueryParams.text("execution_id", first(q, "execution_id"));
            long jobVersion = QueryParams.nonNegative("job_version", first(q, "job_version"));
            flag(q, "all_job_versions"); // validated; Bacalhau reads every version unless job_version names one
            Job job = store.resolve(id, namespace);
            Execution e = choose(ofVersion(store.executions(job.id()), jobVersion), executionId)
                    .orElseThrow(() -> BacalaoException.notFound("JobStore", "no execution to show logs of for job "
                            + job.id() + (jobVersion > 0 ? " version " + jobVersion : "")));
            // <nodeId>.<uuid>: the broker lets only that node send to the stream (docs/broker-security.md)
            String streamId = e.nodeId() + "." + UUID.randomUUID();
            Subscription sub = broker.subscribe(Addresses.logQueue(streamId));
            broker.send(new LogStreamRequest(e.nodeId(), e.id(), streamId, follow, tail));
            pool.submit(() -> pump(session, sub, follow, new LogStreamCancel(e.nodeId(), streamId)));
        } catch (RuntimeException ex) {
            fail(session, ex.getMessage());
        }
    }

    /** The executions of job version {@code jobVersion}; 0: of every version (Bacalhau's {@code ReadLogs}). */
    static List<Execution> ofVersion(List<Execution> executions, long jobVersion) {
        return jobVersion == 0 ? executions : executions.stream().filter(x -> x.jobVersion() == jobVersion).toList();
    }

    /** The execution the user named (ID prefix), else the most recently changed one that was not discarded. */
    static Optional<Execution> choose(List<Execution> executions, String executionId) {
        if (executionId != null && !executionId.isBlank()) {
            return executions.stream().filter(x -> x.id().startsWith(executionId)).findFirst();
        }
        return executions.stream().filter(x -> !x.isDiscarded())
                .max(Comparator.comparingLong(Execution::modifyTime));
    }

    /**
     * Forwards the stream's chunks while the client is there (checked at least every {@link #WAIT_MILLIS}). When it
     * stops before the node's end chunk (the client left, the node fell silent, an error), the node is told to stop
     * streaming ({@code cancel}), so that a follow does not go on publishing to nobody until its execution ends.
     */
    private void pump(Session session, Subscription sub, boolean follow, LogStreamCancel cancel) {
        boolean ended = false;
        try (sub) {
            long silentSince = System.currentTimeMillis();
            while (session.isOpen()) {
                Message m = sub.next(WAIT_MILLIS);
                if (m == null) {
                    if (!follow && System.currentTimeMillis() - silentSince > SILENCE_LIMIT_MILLIS) {
                        fail(session, "the compute node did not answer with logs");
                        return;
                    }
                    continue;
                }
                silentSince = System.currentTimeMillis();
                LogChunk c = (LogChunk) ProtocolCodec.decode(m.getStringProperty(ProtocolMessage.TYPE_PROPERTY),
                        ((TextMessage) m).getText());
                if (c.end()) {
                    ended = true;
                    if (c.error() != null && !c.error().isEmpty()) fail(session, c.error());
                    else close(session);
                    return;
                }
                session.getBasicRemote().sendText(frame(c.type(), c.line(), null));
            }
        } catch (JMSException | IOException | RuntimeException e) {
            fail(session, "log stream interrupted: " + e.getMessage());
        } finally {
            if (!ended) cancel(cancel);
        }
    }

    private void cancel(LogStreamCancel cancel) {
        try {
            broker.send(cancel);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not tell node " + cancel.nodeId() + " to stop log stream " + cancel.streamId(), e);
        }
    }

    static String frame(int type, String line, String error) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("Type", type);
        value.put("Line", line);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("value", value);
        f.put("error", error == null ? null : Map.of("Message", error));
        return Json.write(f);
    }

    private static void fail(Session session, String message) {
        try {
            if (session.isOpen()) session.getBasicRemote().sendText(frame(0, "", message == null ? "error" : message));
        } catch (IOException ignored) {
            // the client went away
        }
        close(session);
    }

    private static void close(Session session) {
        try {
            if (session.isOpen()) session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "end of logs"));
        } catch (IOException ignored) {
            // already closed
        }
    }

    @OnClose
    public void closed(Session session) {
        // the pump notices the closed session, releases its subscription and tells the node to stop
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** A boolean parameter; a value that is not one is an error frame (as a 400 would be on a plain route). */
    private static boolean flag(Map<String, List<String>> q, String key) {
        return QueryParams.bool(key, first(q, key));
    }
}
