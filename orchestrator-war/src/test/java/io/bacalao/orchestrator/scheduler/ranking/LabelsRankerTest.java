package io.bacalao.orchestrator.scheduler.ranking;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static io.bacalao.orchestrator.scheduler.NodeBuilder.aNode;
import static io.bacalao.orchestrator.scheduler.ranking.Rankings.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabelsRankerTest {
    private final LabelsRanker ranker = new LabelsRanker();

    @Test
    void noConstraintsIsNeutral() {
        assertEquals(Rank.score(0), rank(ranker, aJob(), aNode(1).label("region", "eu")));
    }

    @Test
    void matchedHardConstraintKeepsTheNode() {
        assertEquals(Rank.score(0), rank(ranker, aJob().constraint("region", "in", "eu", "us"),
                aNode(1).label("region", "eu")));
    }

    @Test
    void unmatchedHardConstraintExcludesTheNode() {
        assertEquals(Rank.unsuitable("labels {region=us, tier=gold} do not match the job's constraint region=eu",
                        Misfit.of(Misfit.Kind.LABEL, "region=eu")),
                rank(ranker, aJob().constraint("region", "=", "eu"),
                        aNode(1).label("region", "us").label("tier", "gold")));
    }

    @Test
    void missingLabelFailsAnExistsConstraint() {
        assertEquals(Rank.unsuitable("labels {} do not match the job's constraint gpu",
                        Misfit.of(Misfit.Kind.LABEL, "gpu")),
                rank(ranker, aJob().constraint("gpu", "exists"), aNode(1)));
    }

    @Test
    void everyUnmatchedConstraintIsNamed() {
        assertEquals(Rank.unsuitable("labels {region=us} do not match the job's constraint region=eu, tier in (gold)",
                        Misfit.of(Misfit.Kind.LABEL, "region=eu"), Misfit.of(Misfit.Kind.LABEL, "tier in (gold)")),
                rank(ranker, aJob().constraint("region", "=", "eu").constraint("tier", "in", "gold"),
                        aNode(1).label("region", "us")));
    }

    @Test
    void everyOperatorIsHonoured() {
        var node = aNode(1).label("region", "eu").label("cores", "8");
        for (String[] c : new String[][]{{"region", "==", "eu"}, {"region", "!=", "us"}, {"region", "notin", "us"},
                {"region", "exists"}, {"gpu", "!"}, {"cores", "gt", "4"}, {"cores", "lt", "16"}}) {
            var values = java.util.Arrays.copyOfRange(c, 2, c.length);
            assertEquals(Rank.score(0), rank(ranker, aJob().constraint(c[0], c[1], values), node), String.join(" ", c));
        }
        assertEquals(false, rank(ranker, aJob().constraint("cores", "gt", "8"), node).suitable());
        assertEquals(false, rank(ranker, aJob().constraint("region", "!"), node).suitable());
    }

    @Test
    void nameAndPlatformLabelsAreOrdinaryLabels() {
        assertEquals(Rank.score(0), rank(ranker, aJob().constraint("os_type", "=", "linux"),
                aNode(1).label("os_type", "linux").label("os_arch", "amd64")));
    }

    @Test
    void eachMatchedPreferenceAddsTen() {
        var job = aJob().constraint("favour_disk", "=", "ssd").constraint("favour_zone", "=", "a");
        assertEquals(Rank.score(20), rank(ranker, job, aNode(1).label("disk", "ssd").label("zone", "a")));
        assertEquals(Rank.score(10), rank(ranker, job, aNode(2).label("disk", "ssd").label("zone", "b")));
    }

    @Test
    void unmatchedPreferenceNeverExcludes() {
        assertEquals(Rank.score(0), rank(ranker, aJob().constraint("favour_disk", "=", "ssd"), aNode(1)));
    }
}
