package io.bacalao.it.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.Browser;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import io.bacalao.simulator.NodeSimulator;
import io.bacalao.simulator.SimulatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The Web UI in a real browser (headless Debian Chromium over chromedriver) against the shared cluster's
 * orchestrator, which serves it (docs/webui.md). Each page's screenshot and load times (from navigation start: first
 * contentful paint, and when its data was seen on screen) are written under target/webui/.
 */
@ExtendWith(SharedCluster.class)
class WebUiIT {
    static final Duration WAIT = Browser.WAIT;
    static final Path OUT = Path.of("target", "webui");
    static Browser ui;
    static WebDriver browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(OUT);
        Files.deleteIfExists(OUT.resolve("load-times.txt"));
        ui = Browser.open();
        browser = ui.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (ui != null) ui.close();
    }

    @Test
    void theJobsListShowsASubmittedJob(TestCluster cluster) throws IOException {
        String name = "webui-list-" + UUID.randomUUID().toString().substring(0, 8);
        String id = cluster.api().submit(noop(name));
        open(cluster, "/jobs");
        await("the job in the list", () -> text("#jobs").contains(id) && text("#jobs").contains(name));
        loaded("jobs");
        browser.findElement(By.linkText(id)).click();
        await("the job page", () -> text("#job-id").equals(id) && text("#summary").contains(name));
        assertEquals(0, browser.findElements(By.cssSelector(".error:not(:empty)")).size());
    }

    @Test
    void aJobNamedLikeMarkupIsShownAsText(TestCluster cluster) {
        String name = "<img src=x onerror=alert(1)>";
        String id = cluster.api().submit(noop(name));
        open(cluster, "/jobs");
        await("the job in the list", () -> text("#jobs").contains(name));
        open(cluster, "/jobs/" + id);
        await("the job's name", () -> text("#summary").contains(name));
        assertEquals(0, browser.findElements(By.cssSelector("main img")).size());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }

    @Test
    void theJobPageStreamsARunningDockerJobsLogAndStopsIt(TestCluster cluster) throws IOException {
        Api api = cluster.api();
        String id = api.submit("""
                {"Name":"webui-logs-%s","Type":"batch","Count":1,"Tasks":[{"Name":"main","Engine":{"Type":"docker",
                 "Params":{"Image":"local/busybox:latest","Entrypoint":["sh","-c",
                 "i=0; while [ $i -lt 120 ]; do i=$((i+1)); echo tick-$i; echo warn-$i >&2; sleep 1; done"]}}}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8)));
        api.awaitState(id, "Running"::equals, WAIT);
        open(cluster, "/jobs/" + id);
        await("the job's state", () -> text("#job-state").equals("Running"));
        loaded("job");
        await("the first lines", () -> text("#logs").contains("tick-2"));
        int seen = ticks();
        // lines printed after the page opened arrive while the job still runs: the stream follows the job
        await("later lines", () -> ticks() >= seen + 2);
        assertEquals("Running", api.state(id));
        assertTrue(text("#logs").contains("warn-2"), "stderr shown");
        browser.findElement(By.id("show-stderr")).click();
        await("stderr hidden", () -> !text("#logs").contains("warn-2"));
        screenshot("job-logs");

        // the node running it lists the execution on its page, linked to the job
        var execution = api.get("/api/v1/orchestrator/jobs/" + id + "/executions").json().get("Items").get(0);
        open(cluster, "/nodes/" + execution.get("NodeID").asText());
        await("the execution on its node's page", () -> text("#node-executions").contains(execution.get("ID").asText()));
        browser.findElement(By.linkText(id)).click();
        await("the job's page again", () -> text("#job-state").equals("Running"));

        browser.findElement(By.id("stop")).click();
        api.awaitState(id, "Stopped"::equals, WAIT);
        await("the page showing Stopped", () -> text("#job-state").equals("Stopped"));
    }

    @Test
    void theNodesListShowsTheClusterAndANodePageApprovesARejectedNode(TestCluster cluster) throws Exception {
        open(cluster, "/nodes");
        await("four nodes", () -> browser.findElements(By.cssSelector("#nodes tbody tr")).size() >= 4
                && text("#nodes").contains("CONNECTED"));
        loaded("nodes");
        // the shared cluster approves nodes as they join: a simulated node is joined, rejected, then approved here
        try (NodeSimulator simulator = NodeSimulator.start(SimulatorSettings.of("tcp://127.0.0.1:"
                + cluster.base().get(ConfigKeys.ORCHESTRATOR_PORT), cluster.base().get(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN), 1)
                .withIdPrefix("webui-sim-" + UUID.randomUUID().toString().substring(0, 6)))) {
            simulator.awaitJoined(WAIT);
            String node = simulator.nodeIds().getFirst();
            try {
                String path = "/api/v1/orchestrator/nodes/" + node;
                assertEquals(200, cluster.api().put(path, "{\"Action\":\"reject\",\"Message\":\"not yet\",\"NodeID\":\"" + node + "\"}").status());
                // a job only this node may run waits while it is rejected, and runs once the page approves it
                String job = cluster.api().submit("{\"Type\":\"batch\",\"Constraints\":[{\"Key\":\"name\",\"Operator\":\"=\","
                        + "\"Values\":[\"" + node + "\"]}],\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"},"
                        + "\"Timeouts\":{\"QueueTimeout\":600}}]}");
                cluster.api().awaitState(job, "Queued"::equals, WAIT);
                open(cluster, "/nodes/" + node);
                await("the rejected node", () -> text("#membership").equals("REJECTED"));
                loaded("node");
                browser.findElement(By.id("node-message")).sendKeys("checked by hand");
                browser.findElement(By.id("approve")).click();
                await("the node approved", () -> text("#membership").equals("APPROVED"));
                assertEquals("APPROVED", cluster.api().get(path).json().get("Node").get("Membership").asText());
                assertEquals("Completed", cluster.api().awaitTerminal(job, WAIT));
                assertTrue(cluster.api().get("/api/v1/orchestrator/jobs/" + job + "/executions").body().contains(node),
                        "the queued job ran on the node approved from the page");
            } finally {
                cluster.api().put("/api/v1/orchestrator/nodes/" + node, "{\"Action\":\"delete\",\"NodeID\":\"" + node + "\"}");
            }
        }
    }

    @Test
    void theJobsListFiltersByStateAndCountsEveryJob(TestCluster cluster) {
        String name = "webui-filter-" + UUID.randomUUID().toString().substring(0, 8);
        String id = cluster.api().submit(noop(name));
        cluster.api().awaitTerminal(id, WAIT);
        open(cluster, "/jobs?state=Completed");
        await("the completed job", () -> text("#jobs").contains(id));
        assertTrue(browser.findElements(By.cssSelector("#jobs tbody tr")).stream()
                .allMatch(row -> row.getText().contains("Completed")), "only completed jobs listed");
        // the counts are the API's summary of every job, not of a window of recent ones
        await("the counts of the summary", () -> {
            var jobs = cluster.api().get("/api/v1/orchestrator/summary").json().get("Jobs");
            return text("b[data-state=Completed]").equals(jobs.get("ByState").get("Completed").asText())
                    && text("#jobs-total").equals(jobs.get("Total").asText() + " in all");
        });
    }

    @Test
    void theSubmitPageRefusesABadSpecWithTheApisMessageAndSubmitsAGoodOne(TestCluster cluster) throws IOException {
        String bad = "{\"Name\":\"webui-bad\",\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"},"
                + "\"Timeouts\":{\"ExecutionTimeout\":-5}}]}";
        Api.Response refusal = cluster.api().put("/api/v1/orchestrator/jobs/diff", "{\"Job\":" + bad + "}");
        assertTrue(refusal.status() >= 400 && refusal.status() < 500, refusal.body());
        open(cluster, "/submit");
        await("the editor", () -> !browser.findElements(By.id("spec-editor")).isEmpty());
        loaded("submit");
        edit(bad);
        browser.findElement(By.id("validate")).click();
        await("the API's message", () -> text("#spec-error").equals(refusal.json().get("Message").asText()));
        assertTrue(!browser.findElement(By.id("submit")).isEnabled(), "a refused spec cannot be submitted");

        edit("Name: broken\nType: batch\n  Tasks: [\n");
        browser.findElement(By.id("validate")).click();
        await("the YAML error with its place", () -> text("#spec-error").startsWith("Not valid YAML: ")
                && text("#spec-error").matches(".*\\(line \\d+, column \\d+\\)"));

        // YAML, as `bacalao job run` takes a spec file
        String name = "webui-submitted-" + UUID.randomUUID().toString().substring(0, 8);
        edit("Name: " + name + "\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n");
        browser.findElement(By.id("validate")).click();
        await("valid", () -> text("#valid").startsWith("Valid"));
        browser.findElement(By.id("submit")).click();
        await("the new job's page", () -> text("#summary").contains(name));
        assertTrue(browser.getCurrentUrl().contains("/jobs/j-"), browser.getCurrentUrl());
    }

    @Test
    void theJobPageDiffsTwoVersions(TestCluster cluster) {
        String name = "webui-versions-" + UUID.randomUUID().toString().substring(0, 8);
        String id = cluster.api().submit(noop(name));
        cluster.api().awaitTerminal(id, WAIT);
        assertEquals(id, cluster.api().submit(noop(name).replace("\"Type\":\"batch\"", "\"Labels\":{\"tier\":\"two\"},\"Type\":\"batch\"")));
        open(cluster, "/jobs/" + id);
        await("the diff of versions 1 and 2", () -> text("#version-diff").lines()
                .anyMatch(l -> l.startsWith("+") && l.contains("\"tier\": \"two\"")));
    }

    @Test
    void theDashboardShowsRatesQueueAndAllocation(TestCluster cluster) throws IOException {
        open(cluster, "/dashboard");
        await("three compute nodes' allocation", () -> browser.findElements(By.cssSelector("#allocation tbody tr")).size() >= 3
                && !browser.findElements(By.cssSelector("#rates svg polyline")).isEmpty());
        loaded("dashboard");
        assertTrue(text("#queue-now").startsWith("now: "));
    }

    private static void edit(String spec) {
        var editor = browser.findElement(By.id("spec-editor"));
        editor.clear();
        editor.sendKeys(spec);
    }

    private static String noop(String name) {
        return "{\"Name\":" + io.bacalao.domain.spec.Json.write(name)
                + ",\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}";
    }

    private static void open(TestCluster cluster, String path) {
        browser.get(cluster.webUiUrl() + path);
    }

    private static int ticks() {
        return (int) text("#logs").lines().filter(l -> l.startsWith("tick-")).count();
    }

    private static String text(String css) {
        return ui.text(css);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        ui.await(what, condition);
    }

    /** Records how long the page took from navigation start until its data was shown, and its screenshot. */
    private static void loaded(String page) throws IOException {
        Number ms = (Number) ((JavascriptExecutor) browser).executeScript("return performance.now()");
        Number paint = (Number) ((JavascriptExecutor) browser).executeScript("const p = performance"
                + ".getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : -1");
        Files.writeString(OUT.resolve("load-times.txt"), page + ": first paint " + Math.round(paint.doubleValue())
                + " ms, data shown by " + Math.round(ms.doubleValue()) + " ms\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        screenshot(page);
    }

    private static void screenshot(String page) throws IOException {
        Files.write(OUT.resolve(page + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
