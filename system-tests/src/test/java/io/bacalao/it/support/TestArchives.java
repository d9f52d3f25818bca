package io.bacalao.it.support;

/**
 * Records the node roles' class archives (docs/node-footprint.md) once per test JVM, before its first cluster,
 * when they are missing: an orchestrator and a compute node started with recording and stopped again (a minute,
 * once per build), so that every node the system tests start afterwards maps its role's archive (about a fifth
 * less CPU per start, and the suite starts some fifty nodes). Clusters never record themselves: a recording
 * node's stop takes the seconds of writing its archive, and one recording per role is enough. Nothing here fails
 * a test: a recording that does not work leaves the tests to run without archives, as {@code BACALAO_NODE_CDS=0}
 * makes them.
 */
final class TestArchives {
    private static boolean tried;

    private TestArchives() {
    }

    static synchronized void recordOnce() {
        if (tried) return;
        tried = true;
        TestCluster recording = null;
        try {
            recording = TestCluster.recordingArchives("class-archives");
            if (!recording.nodes().lacksArchives()) return;
            System.err.println("Recording the node roles' class archives for this test run...");
            recording.start(1);
        } catch (Exception | AssertionError e) {
            System.err.println("no class archives recorded (" + e + "); the tests' nodes start without");
        } finally {
            if (recording != null) recording.close();
        }
    }
}
