package io.bacalao.orchestrator.scheduler;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.nodeId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.model.Resources;
import org.junit.jupiter.api.Test;

/** A new batch job on a healthy cluster: Count partitions on distinct nodes, all waiting for bids (§2.10, §3.3). */
class BatchPlacementTest {

    @Test
    void countOneOnThreeNodesCreatesOnePendingExecution() {
        Scenario.given(aJob().count(1)).nodes(3).schedule()
                .newExecutions(1).partitions(0).newExecutionsDesired(DesiredStateType.Pending).withRequestedEvents()
                .noUpdates().jobUnchanged().noJobEvents().noFollowUps();
    }

    @Test
    void countThreeOnThreeNodesUsesEveryNodeOnce() {
        Scenario.given(aJob().count(3)).nodes(3).schedule()
                .newExecutions(3).onDistinctNodes().partitions(0, 1, 2).placedOn(nodeId(1), nodeId(2), nodeId(3))
                .newExecutionsDesired(DesiredStateType.Pending).withRequestedEvents()
                .jobUnchanged().noFollowUps();
    }

    @Test
    void newExecutionsReserveTheTaskResources() {
        Execution e = Scenario.given(aJob().resources("500m", "1GB")).nodes(1).schedule().newExecutions(1)
                .newExecutions().get(0);
        assertEquals(Resources.of(0.5, 1_000_000_000L, 0, 0), e.allocatedResources().tasks().get("main"));
    }

    @Test
    void pendingAndRejectedNodesNeverGetWork() {
        Scenario.given(aJob().count(1))
                .nodes(aNode(1).membership(NodeMembership.PENDING), aNode(2).membership(NodeMembership.REJECTED),
                        aNode(3))
                .schedule().newExecutions(1).placedOn(nodeId(3));
    }

    @Test
    void onlyPendingAndRejectedNodesMeansNoNodeIsAvailable() {
        Scenario.given(aJob().count(1))
                .nodes(aNode(1).membership(NodeMembership.PENDING), aNode(2).membership(NodeMembership.REJECTED))
                .schedule().newExecutions(0)
                .jobState(JobStateType.Failed,
                        "not enough nodes to run job. requested: 1, available: 0, suitable: 0.");
    }

    @Test
    void disconnectedAndRequesterNodesNeverGetWork() {
        Scenario.given(aJob().count(1)).nodes(aNode(1).disconnected(), aNode(2).requester(), aNode(3))
                .schedule().newExecutions(1).placedOn(nodeId(3));
    }

    @Test
    void labelConstraintPicksTheMatchingNode() {
        Scenario.given(aJob().count(1).constraint("region", "=", "eu"))
                .nodes(aNode(1).label("region", "us"), aNode(2).label("region", "eu"), aNode(3))
                .schedule().newExecutions(1).placedOn(nodeId(2)).jobUnchanged();
    }

    @Test
    void favourPreferenceRanksTheMatchingNodeFirst() {
        Scenario.given(aJob().count(1).constraint("favour_disk", "=", "ssd"))
                .nodes(aNode(1).label("disk", "hdd"), aNode(2), aNode(3).label("disk", "ssd"), aNode(4))
                .schedule().newExecutions(1).placedOn(nodeId(3));
    }

    @Test
    void favourPreferenceDoesNotExcludeOtherNodes() {
        Scenario.given(aJob().count(3).constraint("favour_disk", "=", "ssd"))
                .nodes(aNode(1), aNode(2).label("disk", "ssd"), aNode(3))
                .schedule().newExecutions(3).placedOn(nodeId(1), nodeId(2), nodeId(3)).jobUnchanged();
    }

    @Test
    void nodeWhoseMaxJobIsTooSmallIsSkipped() {
        Scenario.given(aJob().count(1).resources("2", ""))
                .nodes(aNode(1).maxJob(Resources.of(1, 16_000_000_000L, 100_000_000_000L, 0)), aNode(2))
                .schedule().newExecutions(1).placedOn(nodeId(2));
    }

    @Test
    void nodeWithMoreFreeCapacityRanksFirst() {
        Resources busy = Resources.of(1, 2_000_000_000L, 100_000_000_000L, 0);
        Scenario.given(aJob().count(1).resources("1", "1GB"))
                .nodes(aNode(1).available(busy), aNode(2), aNode(3).available(busy))
                .schedule().newExecutions(1).placedOn(nodeId(2));
    }

    @Test
    void sameSeedSamePlacement() {
        var first = Scenario.given(aJob().count(2)).nodes(6).schedule().newExecutions();
        var second = Scenario.given(aJob().count(2)).nodes(6).schedule().newExecutions();
        assertEquals(first.stream().map(Execution::nodeId).toList(), second.stream().map(Execution::nodeId).toList());
    }
}
