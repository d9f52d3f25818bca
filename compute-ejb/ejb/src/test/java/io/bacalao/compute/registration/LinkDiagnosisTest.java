package io.bacalao.compute.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.broker.client.BrokerAuthException;
import io.bacalao.broker.client.BrokerUnavailableException;
import org.junit.jupiter.api.Test;

/** The log line a compute node writes when it cannot talk to the orchestrator's broker. */
class LinkDiagnosisTest {
    static final String TLS_URL = "tcp://10.0.0.5:4222?sslEnabled=true&trustStorePath=/ca.pem&trustStoreType=PEM";
    static final LinkDiagnosis.Reachability LISTENING = (h, p) -> true;
    static final LinkDiagnosis.Reachability SILENT = (h, p) -> false;

    @Test
    void aWrongTokenSaysSo() {
        String line = LinkDiagnosis.describe(new BrokerAuthException("AMQ229031", null), "tcp://10.0.0.5:4222", false, false, 4, LISTENING);
        assertEquals("the orchestrator's broker at 10.0.0.5:4222 refused this node's Compute.Auth.Token (or its node ID is"
                + " bound to another node's secret, see docs/broker-security.md); retrying in 4s", line);
    }

    @Test
    void requiredTlsAgainstABrokerThatAnswersButDoesNotSpeakTlsIsARefusedPlainBroker() {
        String line = LinkDiagnosis.describe(new BrokerUnavailableException("handshake failed", null), TLS_URL, true, true, 2, LISTENING);
        assertTrue(line.startsWith("the broker at 10.0.0.5:4222 did not complete a TLS handshake: Compute.TLS.RequireTLS is on,"
                + " so this node refuses a plain broker connection"), line);
        assertTrue(line.endsWith("handshake failed; retrying in 2s"), line);
    }

    @Test
    void aPlainConnectionToAListeningBrokerThatDoesNotAnswerPointsAtTls() {
        String line = LinkDiagnosis.describe(new BrokerUnavailableException("AMQ219013: Timed out", null), "tcp://10.0.0.5:4222",
                false, false, 1, LISTENING);
        assertEquals("the broker at 10.0.0.5:4222 is listening but did not take this node's plain connection (if it requires TLS,"
                + " set Compute.TLS.CACert): AMQ219013: Timed out; retrying in 1s", line);
        String starting = LinkDiagnosis.describe(new BrokerUnavailableException("AMQ229034: Server not started", null),
                "tcp://10.0.0.5:4222", false, false, 1, LISTENING);
        assertTrue(starting.startsWith("cannot reach the orchestrator's broker"), starting);
    }

    @Test
    void aBrokerThatIsAwayIsUnreachableWhateverTheTransport() {
        String line = LinkDiagnosis.describe(new BrokerUnavailableException("refused", null), TLS_URL, true, true, 10, SILENT);
        assertEquals("cannot reach the orchestrator's broker at 10.0.0.5:4222 (refused); retrying in 10s", line);
    }
}
