package io.bacalao.domain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.RunOutput;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.spec.JobDefaults;
import io.bacalao.domain.spec.JobReader;
import io.bacalao.domain.spec.SubmissionPreparer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages between orchestrator and compute nodes survive the wire unchanged. */
class ProtocolCodecTest {
    private static final Instant T0 = Instant.parse("2026-08-19T10:00:00.123456789Z");
    private static final Job JOB = new SubmissionPreparer(JobDefaults.standard(), "n-orch").prepare(JobReader.readFile("""
            Type: batch
            Constraints:
              - {Key: region, Operator: in, Values: [eu, us]}
            Tasks:
              - Name: main
                Engine:
                  Type: docker
                  Params: {Image: ubuntu, Parameters: [echo, hi]}
                Publisher: {Type: local}
                Env: {GREETING: hello}
                ResultPaths: [{Name: outputs, Path: /outputs}]
                Timeouts: {ExecutionTimeout: 60}
            """)).job();

    @Test
    void askForBidCarriesTheExecutionWithItsJob() {
        Execution execution = Execution.create("e-1", JOB, "n-1", "ev-1", 0,
                DesiredState.of(DesiredStateType.Pending, "awaiting bid"),
                AllocatedResources.of("main", Resources.of(0.5, 512_000_000L, 0, 0)), 1_755_600_000_123_456_789L)
                .withJob(JOB);
        AskForBid ask = new AskForBid("n-1", execution, false);

        ProtocolMessage decoded = roundTrip(ask);

        assertEquals(ask, decoded);
        AskForBid back = assertInstanceOf(AskForBid.class, decoded);
        assertEquals(JOB, back.execution().job());
        assertEquals(List.of("echo", "hi"), back.execution().job().task().engine().listParam("Parameters"));
    }

    @Test
    void aPreApprovedAskForBidStaysPreApproved() {
        Execution execution = Execution.create("e-2", JOB, "n-1", "ev-1", 0,
                DesiredState.of(DesiredStateType.Running, ""), null, 1L).withJob(JOB);

        AskForBid back = (AskForBid) roundTrip(new AskForBid("n-1", execution, true));

        assertTrue(back.preApproved());
        assertEquals(DesiredStateType.Running, back.execution().desired());
    }

    @Test
    void bidResultRoundTrips() {
        BidResult accepted = new BidResult("n-1", "e-1", JOB.id(), true, false, "",
                AllocatedResources.of("main", Resources.of(0.5, 512_000_000L, 0, 0)),
                List.of(Event.of("Exec Scanning", "bid accepted", T0)));
        BidResult rejected = new BidResult("n-2", "e-2", JOB.id(), false, false,
                "this node does not have enough resources", null,
                List.of(Event.error("Exec Scanning", "rejected bid", T0).withDetail("Hint", "lower the CPU")));

        assertEquals(accepted, roundTrip(accepted));
        assertEquals(rejected, roundTrip(rejected));
    }

    @Test
    void runResultRoundTrips() {
        RunResult result = new RunResult("n-1", "e-1", JOB.id(),
                SpecConfig.of("urlDownload", Map.of("URL", "http://127.0.0.1:6001/e-1.tar.gz")),
                new RunOutput("hi\n", false, "warning\n", false, 3, ""),
                List.of(Event.of("Execution", "Completed successfully", T0)));

        assertEquals(result, roundTrip(result));
    }

    @Test
    void runOutputKeepsItsLowerCaseStderrKeyOnTheWire() {
        RunResult result = new RunResult("n-1", "e-1", "j-1", SpecConfig.of(""),
                new RunOutput("", false, "boom", false, 1, ""), List.of());

        assertTrue(ProtocolCodec.encode(result).contains("\"stderr\":\"boom\""), ProtocolCodec.encode(result));
    }

    @Test
    void smallMessagesRoundTrip() {
        List<ProtocolMessage> messages = List.of(
                new Heartbeat("n-1", 42),
                new BidAccepted("n-1", "e-1", "j-1"),
                new BidRejected("n-1", "e-1", "j-1", "another node was chosen"),
                new CancelExecution("n-1", "e-1", "j-1", "job stopped"),
                new ShutdownNotice("n-1", "shutting down"),
                new HandshakeResponse("n-1", true, "APPROVED", ""),
                new ComputeError("n-1", "e-1", "j-1", "image pull failed",
                        List.of(Event.error("Preparing Environment", "image pull failed", T0))));

        for (ProtocolMessage m : messages) assertEquals(m, roundTrip(m), ProtocolCodec.typeOf(m));
    }

    @Test
    void anExecutionStateRequestRoundTripsAndToleratesFieldsOfALaterVersion() {
        ExecutionStateRequest asked = new ExecutionStateRequest("n-1", "e-1", "j-1");

        assertEquals(asked, roundTrip(asked));
        String fromALaterVersion = ProtocolCodec.encode(asked).replaceFirst("^\\{", "{\"Since\":42,");
        assertEquals(asked, ProtocolCodec.decode("ExecutionStateRequest", fromALaterVersion));
    }

    @Test
    void theTypeNameIsTheSimpleClassName() {
        assertEquals("AskForBid", ProtocolCodec.typeOf(new AskForBid("n-1", null, false)));
        assertEquals("RunResult", ProtocolCodec.typeOf(new RunResult("n-1", "e", "j", null, null, null)));
    }

    @Test
    void anUnknownTypeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProtocolCodec.decode("LaunchMissiles", "{}"));

        assertTrue(e.getMessage().contains("LaunchMissiles"), e.getMessage());
    }

    @Test
    void aMessageWithoutATypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProtocolCodec.decode(null, "{}"));
    }

    private static ProtocolMessage roundTrip(ProtocolMessage m) {
        return ProtocolCodec.decode(ProtocolCodec.typeOf(m), ProtocolCodec.encode(m));
    }

    @Test
    void managedPublisherUrlQuestionsAndAnswersRoundTrip() {
        ManagedPublisherUrlRequest ask = new ManagedPublisherUrlRequest("n-1", "r-1", "j-1", "e-1");
        ManagedPublisherUrlResponse answer = new ManagedPublisherUrlResponse("n-1", "r-1", "j-1", "e-1", "http://s3/b/k?sig", "");
        assertEquals(ask, roundTrip(ask));
        assertEquals(answer, roundTrip(answer));
    }
}
