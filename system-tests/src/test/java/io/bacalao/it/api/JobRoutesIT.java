package io.bacalao.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The job routes of reference §1.4 on a real orchestrator: shapes, lookups, paging and the history contract. */
@ExtendWith(SharedCluster.class)
class JobRoutesIT {
    static final Duration DONE = Duration.ofSeconds(60);

    @Test
    void aSubmittedNoopJobCompletesAndKeepsBacalhausJsonShape(TestCluster cluster) {
        Api api = cluster.api();
        Api.Response put = api.put("/api/v1/orchestrator/jobs", "{\"Job\":" + Api.noopJob() + "}");
        assertEquals(200, put.status(), put.body());
        String id = put.json().get("JobID").asText();
        assertTrue(id.matches("j-[0-9a-f-]{36}"), id);
        assertFalse(put.json().get("EvaluationID").asText().isEmpty());
        assertTrue(put.json().get("Warnings").isNull(), "no warnings → null, as Go's nil slice");
        assertEquals("Completed", api.awaitTerminal(id, DONE));

        JsonNode job = api.job(id);
        for (String key : List.of("ID", "Name", "Namespace", "Type", "Priority", "Count", "Constraints", "Meta", "Labels",
                "Tasks", "State", "Version", "Revision", "CreateTime", "ModifyTime")) {
            assertTrue(job.has(key), "Job JSON has " + key + ": " + job);
        }
        assertEquals(id, job.get("Name").asText(), "Name defaults to the ID");
        assertEquals("default", job.get("Namespace").asText());
        assertEquals("Completed", job.get("State").get("StateType").asText(), "job state is a string");
        assertEquals(1, job.get("Version").asInt());
        long created = job.get("CreateTime").asLong();
        assertTrue(Math.abs(created / 1_000_000 - System.currentTimeMillis()) < 600_000, "CreateTime is Unix nanoseconds");
        JsonNode task = job.get("Tasks").get(0);
        assertEquals("500m", task.get("Resources").get("CPU").asText(), "JobDefaults applied");
        assertEquals("512Mb", task.get("Resources").get("Memory").asText());
        assertEquals("Default", task.get("Network").get("Type").asText());
        assertTrue(job.get("Meta").has("bacalhau.org/orchestrator.id"));
    }

    @Test
    void aJobIsFoundByFullIdShortIdAndName(TestCluster cluster) {
        Api api = cluster.api();
        String name = "lookup-" + UUID.randomUUID();
        String id = api.submit("{\"Name\":\"" + name + "\",\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}");
        for (String ref : List.of(id, id.substring(0, 10), name)) {
            Api.Response r = api.get("/api/v1/orchestrator/jobs/" + ref);
            assertEquals(200, r.status(), ref + ": " + r.body());
            assertEquals(id, r.json().get("Job").get("ID").asText());
        }
    }

    @Test
    void includeAddsHistoryAndExecutionsWithIntegerExecutionStates(TestCluster cluster) {
        Api api = cluster.api();
        String id = api.submit(Api.noopJob());
        api.awaitTerminal(id, DONE);
        JsonNode r = api.get("/api/v1/orchestrator/jobs/" + id + "?include=history,executions").json();
        JsonNode exec = r.get("Executions").get("Items").get(0);
        assertEquals(9, exec.get("ComputeState").get("StateType").asInt(), "Completed = 9, an integer");
        assertEquals(2, exec.get("DesiredState").get("StateType").asInt(), "Stopped = 2");
        assertTrue(exec.get("RunOutput").has("stderr"), "RunOutput uses lower-case stderr: " + exec);
        assertTrue(exec.get("ID").asText().startsWith("e-"));
        List<String> messages = new ArrayList<>();
        r.get("History").get("Items").forEach(h -> messages.add(h.get("Event").get("Message").asText()));
        assertEquals("Job submitted", messages.get(0));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Requested execution on n-")), messages.toString());
        assertTrue(messages.contains("Completed successfully"), messages.toString());
        assertFalse(api.get("/api/v1/orchestrator/jobs/" + id).json().has("History"), "omitted unless included");
    }

    @Test
    void listPagesWithAnOpaqueTokenAndFiltersByLabels(TestCluster cluster) {
        Api api = cluster.api();
        String run = "r" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.submit("{\"Type\":\"batch\",\"Labels\":{\"run\":\"" + run + "\"},\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}"));
        }
        JsonNode first = api.get("/api/v1/orchestrator/jobs?limit=2&labels=run%3D" + run).json();
        assertEquals(2, first.get("Items").size());
        String token = first.get("NextToken").asText();
        assertFalse(token.isEmpty());
        assertFalse(token.contains("="), "base64url without padding");
        JsonNode second = api.get("/api/v1/orchestrator/jobs?labels=run%3D" + run + "&next_token=" + token).json();
        assertEquals(1, second.get("Items").size());
        assertEquals("", second.get("NextToken").asText());
        List<String> listed = new ArrayList<>();
        first.get("Items").forEach(j -> listed.add(j.get("ID").asText()));
        second.get("Items").forEach(j -> listed.add(j.get("ID").asText()));
        assertEquals(ids, listed, "oldest first");
    }

    @Test
    void historyKeepsANextTokenUntilTheJobIsTerminal(TestCluster cluster) {
        Api api = cluster.api();
        String waiting = api.submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"},"
                + "\"Timeouts\":{\"QueueTimeout\":600}}],\"Constraints\":[{\"Key\":\"zone\",\"Operator\":\"=\",\"Values\":[\"nowhere\"]}]}");
        api.awaitState(waiting, "Queued"::equals, DONE);
        JsonNode page = api.get("/api/v1/orchestrator/jobs/" + waiting + "/history?limit=50").json();
        String token = page.get("NextToken").asText();
        assertFalse(token.isEmpty(), "a queued job's history stays open");
        JsonNode empty = api.get("/api/v1/orchestrator/jobs/" + waiting + "/history?next_token=" + token).json();
        assertEquals(0, empty.get("Items").size());
        assertEquals(token, empty.get("NextToken").asText(), "an empty page returns the same offset");

        String done = api.submit(Api.noopJob());
        api.awaitTerminal(done, DONE);
        String next = "";
        int rows = 0;
        for (int i = 0; i < 20; i++) {
            JsonNode p = api.get("/api/v1/orchestrator/jobs/" + done + "/history?limit=2&next_token=" + next).json();
            rows += p.get("Items").size();
            next = p.get("NextToken").asText();
            if (next.isEmpty()) break;
        }
        assertEquals("", next, "the token ends once the job is terminal and all rows were read");
        assertTrue(rows >= 4, "all rows were paged through: " + rows);
        api.delete("/api/v1/orchestrator/jobs/" + waiting, "{\"reason\":\"test done\"}");
    }

    @Test
    void stoppingFollowsBacalhausRules(TestCluster cluster) {
        Api api = cluster.api();
        String done = api.submit(Api.noopJob());
        api.awaitTerminal(done, DONE);
        Api.Response completed = api.delete("/api/v1/orchestrator/jobs/" + done, "{\"reason\":\"x\"}");
        assertEquals(500, completed.status());
        assertEquals("cannot stop job in state Completed", completed.json().get("Message").asText());

        String queued = api.submit("{\"Type\":\"batch\",\"Constraints\":[{\"Key\":\"zone\",\"Operator\":\"=\",\"Values\":[\"nowhere\"]}],"
                + "\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"},\"Timeouts\":{\"QueueTimeout\":600}}]}");
        api.awaitState(queued, "Queued"::equals, DONE);
        Api.Response stop = api.delete("/api/v1/orchestrator/jobs/" + queued, "{\"reason\":\"no longer needed\"}");
        assertEquals(200, stop.status(), stop.body());
        assertFalse(stop.json().get("EvaluationID").asText().isEmpty());
        JsonNode job = api.job(queued);
        assertEquals("Stopped", job.get("State").get("StateType").asText());
        assertEquals("no longer needed", job.get("State").get("Message").asText());
        assertEquals("", api.delete("/api/v1/orchestrator/jobs/" + queued, "{}").json().get("EvaluationID").asText(),
                "stopping a stopped job is a no-op");
    }

    @Test
    void resubmittingANamedJobCreatesAVersionUnlessNothingChanged(TestCluster cluster) {
        Api api = cluster.api();
        String name = "versioned-" + UUID.randomUUID();
        String spec = "{\"Name\":\"" + name + "\",\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}";
        String id = api.submit(spec);
        api.awaitTerminal(id, DONE);
        Api.Response same = api.put("/api/v1/orchestrator/jobs", "{\"Job\":" + spec + "}");
        assertEquals(500, same.status());
        assertTrue(same.json().get("Message").asText().startsWith("no changes detected for new job spec. Job Name: '" + name + "'"));
        assertEquals("Use the --force flag to override this warning", same.json().get("Hint").asText());
        Api.Response forced = api.put("/api/v1/orchestrator/jobs", "{\"Job\":" + spec + ",\"Force\":true}");
        assertEquals(200, forced.status(), forced.body());
        assertEquals(id, forced.json().get("JobID").asText(), "an update keeps the job ID");
        api.awaitState(id, s -> s.equals("Completed") && api.job(id).get("Version").asInt() == 2, DONE);
        assertEquals(2, api.get("/api/v1/orchestrator/jobs/" + id + "/versions").json().get("Items").size());

        JsonNode first = api.get("/api/v1/orchestrator/jobs/" + id + "?job_version=1&include=executions").json();
        assertEquals(1, first.get("Job").get("Version").asInt(), "job_version answers that version");
        assertTrue(first.get("Executions").get("Items").size() > 0, first.toString());
        first.get("Executions").get("Items").forEach(e -> assertEquals(1, e.get("JobVersion").asInt(), e.toString()));
        assertEquals(2, api.get("/api/v1/orchestrator/jobs/" + name + "?job_version=2").json().get("Job").get("Version").asInt());
        Api.Response unknown = api.get("/api/v1/orchestrator/jobs/" + id + "?job_version=5");
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("job version 5 not found for job " + id, unknown.json().get("Message").asText());
        assertEquals("NotFound", unknown.json().get("Code").asText());
        assertEquals("JobStore", unknown.json().get("Component").asText());
        assertEquals(400, api.get("/api/v1/orchestrator/jobs/" + id + "?job_version=-1").status());
    }

    /** Bacalao's additions for the web UI (docs/webui.md): the jobs list's state filter, the summary, a node's live executions. */
    @Test
    void theStateFilterTheSummaryAndANodesExecutionsCountEveryJob(TestCluster cluster) {
        Api api = cluster.api();
        String namespace = "summary-" + UUID.randomUUID().toString().substring(0, 8);
        String done = api.submit("{\"Namespace\":\"" + namespace + "\",\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}");
        assertEquals("Completed", api.awaitTerminal(done, DONE));
        String waiting = api.submit("{\"Namespace\":\"" + namespace + "\",\"Type\":\"batch\",\"Constraints\":[{\"Key\":\"no-such-label\","
                + "\"Operator\":\"exists\"}],\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"},\"Timeouts\":{\"QueueTimeout\":600}}]}");
        api.awaitState(waiting, "Queued"::equals, DONE);

        Api.Response queued = api.get("/api/v1/orchestrator/jobs?namespace=" + namespace + "&state=queued,Pending&limit=1");
        assertEquals(200, queued.status(), queued.body());
        assertEquals(List.of(waiting), ids(queued.json()));
        assertEquals("", queued.json().get("NextToken").asText());
        Api.Response both = api.get("/api/v1/orchestrator/jobs?namespace=" + namespace + "&state=Queued&state=Completed&limit=1");
        assertEquals(1, both.json().get("Items").size());
        Api.Response second = api.get("/api/v1/orchestrator/jobs?namespace=" + namespace + "&state=Queued&state=Completed&next_token="
                + both.json().get("NextToken").asText());
        List<String> paged = new ArrayList<>(ids(both.json()));
        paged.addAll(ids(second.json()));
        assertEquals(List.of(done, waiting), paged, "the filter holds across pages");

        JsonNode summary = api.get("/api/v1/orchestrator/summary?namespace=" + namespace + "&minutes=5").json();
        assertEquals(2, summary.get("Jobs").get("Total").asLong(), summary.toString());
        assertEquals(1, summary.get("Jobs").get("ByState").get("Completed").asLong());
        assertEquals(1, summary.get("Jobs").get("ByState").get("Queued").asLong());
        JsonNode activity = summary.get("Activity");
        assertEquals(5, activity.get("Submitted").size());
        int submitted = 0;
        for (JsonNode n : activity.get("Submitted")) submitted += n.asInt();
        assertEquals(2, submitted, "both jobs were submitted in the last five minutes");

        for (String bad : List.of("/api/v1/orchestrator/jobs?state=Done", "/api/v1/orchestrator/summary?minutes=0",
                "/api/v1/orchestrator/summary?minutes=121")) {
            Api.Response refused = api.get(bad);
            assertEquals(400, refused.status(), bad + ": " + refused.body());
            assertTrue(refused.json().get("Message").asText().startsWith("invalid "), refused.body());
        }
        assertEquals(404, api.get("/api/v1/orchestrator/nodes/no-such-node-x/executions").status());
        api.delete("/api/v1/orchestrator/jobs/" + waiting, "{}");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("Items").forEach(j -> ids.add(j.get("ID").asText()));
        return ids;
    }
}
