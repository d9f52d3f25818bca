package io.bacalao.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartDiagnosisTest {
    @TempDir
    Path dir;

    @Test
    void aFailedDeploymentIsToldFromTheLogWithItsSevereLinesWithoutColours() throws Exception {
        Path log = Files.writeString(dir.resolve("node.log"), String.join("\n",
                "[2026-12-02T16:40:49.776+0000] [] [\u001B[1;92mINFO\u001B[0m] [] [PayaraMicro] booting",
                "[2026-12-02T16:40:50.000+0000] [] [\u001B[1;91mSEVERE\u001B[0m] [] [javax.enterprise.system.core]"
                        + " Exception while loading the app : CDI deployment failure",
                "\tat org.example.Deployer.deploy(Deployer.java:1)",
                "WARNING: retrying the broker (ActiveMQNotConnectedException)"));

        assertTrue(new StartDiagnosis.DeploymentWatch(log, 0).failed());
        assertEquals("; first errors in the log: [2026-12-02T16:40:50.000+0000] [] [SEVERE] []"
                + " [javax.enterprise.system.core] Exception while loading the app : CDI deployment failure",
                StartDiagnosis.errors(log, 0));
    }

    @Test
    void aMultiLineRecordIsToldByItsMessageAndRootCause() throws Exception {
        Path log = Files.writeString(dir.resolve("node.log"), String.join("\n",
                "[2026-12-03T12:52:03.616+0000] [] [SEVERE] [] [javax.enterprise.system.core] [tid: _ThreadID=3"
                        + " _ThreadName=main] [timeMillis: 1796302323616] [levelValue: 1000] [[",
                "  Exception while deploying the app [artemis-ra]",
                "java.lang.IllegalStateException: start failed",
                "\tat org.example.Deployer.deploy(Deployer.java:1)",
                "Caused by: java.io.IOException: wrapped",
                "Caused by: java.net.BindException: Address already in use",
                "]]",
                "[2026-12-03T12:52:04.000+0000] [] [SEVERE] [] [core] [tid: _ThreadID=3 _ThreadName=main] one line"));

        assertTrue(new StartDiagnosis.DeploymentWatch(log, 0).failed());
        assertEquals("; first errors in the log: [2026-12-03T12:52:03.616+0000] [] [SEVERE] [] [javax.enterprise.system.core]"
                + " Exception while deploying the app [artemis-ra] … Caused by: java.net.BindException: Address already in use"
                + " | [2026-12-03T12:52:04.000+0000] [] [SEVERE] [] [core] one line", StartDiagnosis.errors(log, 0));
    }

    @Test
    void aPersistenceUnitThatFailedToDeployIsAFailedDeployment() throws Exception {
        // what Payara logs when a store's schema migration fails or the database cannot be reached
        Path log = Files.writeString(dir.resolve("node.log"), String.join("\n",
                "[SEVERE] [] [javax.enterprise.system.core] Exception while invoking class"
                        + " org.glassfish.persistence.jpa.JPADeployer prepare method",
                "[SEVERE] [] [javax.enterprise.system.core] Exception while preparing the app", ""));

        assertTrue(new StartDiagnosis.DeploymentWatch(log, 0).failed());
    }

    @Test
    void aHealthyBootHasNoErrorsAndNoFailedDeployment() throws Exception {
        Path log = Files.writeString(dir.resolve("node.log"),
                "[INFO] Payara Micro ready\nWARNING: cannot reach the orchestrator's broker (ActiveMQNotConnectedException)\n");

        assertFalse(new StartDiagnosis.DeploymentWatch(log, 0).failed());
        assertEquals("", StartDiagnosis.errors(log, 0));
        assertFalse(new StartDiagnosis.DeploymentWatch(dir.resolve("missing.log"), 0).failed());
    }

    @Test
    void onlyThisStartsLinesCountAndALineIsReadOnceItIsComplete() throws Exception {
        String failure = "[SEVERE] Exception while loading the app : boom";
        Path log = Files.writeString(dir.resolve("node.log"), failure + "\n");
        long thisStart = Files.size(log);
        StartDiagnosis.DeploymentWatch watch = new StartDiagnosis.DeploymentWatch(log, thisStart);

        assertFalse(watch.failed(), "an earlier start's failure");
        assertEquals("", StartDiagnosis.errors(log, thisStart));
        Files.writeString(log, "[INFO] booting\n[SEVERE] Exception while loading", java.nio.file.StandardOpenOption.APPEND);
        assertFalse(watch.failed(), "the line is not complete yet");
        Files.writeString(log, " the app : again\n", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(watch.failed());
        assertEquals("; first errors in the log: [SEVERE] Exception while loading the app : again",
                StartDiagnosis.errors(log, thisStart));
    }

    @Test
    void theBootThreadsFramesAreTakenFromItsOwnStackOnly() {
        List<String> dump = List.of(
                "\"main\" #1 prio=5 os_prio=0 tid=0x1 nid=0x2 waiting on condition",
                "   java.lang.Thread.State: TIMED_WAITING (sleeping)",
                "\tat java.lang.Thread.sleep0(java.base@25/Native Method)",
                "\tat io.bacalao.compute.Registration.start(Registration.java:90)",
                "",
                "\"Reference Handler\" #9 daemon prio=10",
                "\tat java.lang.ref.Reference.waitForReferencePendingList(java.base@25/Native Method)");

        assertEquals("java.lang.Thread.sleep0(java.base@25/Native Method) < "
                + "io.bacalao.compute.Registration.start(Registration.java:90)", StartDiagnosis.threadFrames(dump, "main"));
        assertEquals("", StartDiagnosis.threadFrames(dump, "absent"));
    }

    @Test
    void aLiveJvmsBootThreadIsDumpedBesideTheLog() throws Exception {
        Path log = Files.writeString(dir.resolve("node.log"), "");

        String found = StartDiagnosis.bootThread(Path.of(System.getProperty("java.home")),
                ProcessHandle.current().pid(), log);

        assertTrue(found.startsWith("; boot thread (all threads in " + dir.resolve("node.log.threads.txt") + "): "), found);
        assertTrue(Files.readString(dir.resolve("node.log.threads.txt")).contains("\"main\""));
    }
}
