package io.bacalao.compute.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.logs.OutputCapture;
import io.bacalao.compute.storage.Mount;
import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.ResultPath;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the compute node refuses to mount, whatever the orchestrator let through. */
class MountGuardTest {
    @TempDir
    Path dir;

    private MountGuard.Plan check(List<Mount> inputs, ResultPath... outputs) throws Exception {
        Path work = Files.createDirectories(dir.resolve("e-1"));
        Path results = Files.createDirectories(work.resolve("results"));
        Task task = Task.of("main", SpecConfig.of("docker")).withResultPaths(List.of(outputs));
        Job job = new Job("j-1", "n", "default", "batch", 0, 1, null, null, null, List.of(task), null, 1, 1, 0, 0);
        Execution e = Execution.create("e-1", job, "n-1", "ev", 0, DesiredState.of(DesiredStateType.Running, ""),
                AllocatedResources.of("main", Resources.ZERO), 0).withJob(job);
        try (OutputCapture capture = new OutputCapture(results, work.resolve("logs"))) {
            return MountGuard.check(new ExecutionRequest(e, work, results, inputs, Map.of(), capture));
        }
    }

    private String refusal(List<Mount> inputs, ResultPath... outputs) {
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> check(inputs, outputs));
        assertEquals("Preparing Environment", f.topic());
        return f.getMessage();
    }

    @Test
    void aPlainResultNameGetsAFolderInsideTheResults() throws Exception {
        MountGuard.Plan p = check(List.of(), new ResultPath("outputs", "/outputs/"), new ResultPath("..data", "//x//y"));
        assertEquals(dir.resolve("e-1/results/outputs").toRealPath(), p.outputs().get(0).hostDir());
        assertEquals("/outputs", p.outputs().get(0).target());
        assertEquals("/x/y", p.outputs().get(1).target());
    }

    @Test
    void resultNamesThatAreNotPlainNamesAreRefused() {
        for (String name : List.of("", ".", "..", "/", "../..", "a/b", "a\\b", "/etc", "a\nb", "x".repeat(256))) {
            String m = refusal(List.of(), new ResultPath(name, "/outputs"));
            assertTrue(m.startsWith("refused to mount: result path Name"), m);
        }
        assertTrue(Files.notExists(dir.resolve("etc")));
    }

    @Test
    void aSymlinkPlantedAsAResultFolderIsRefused() throws Exception {
        Path results = Files.createDirectories(dir.resolve("e-1/results"));
        Files.createSymbolicLink(results.resolve("outputs"), dir);
        assertTrue(refusal(List.of(), new ResultPath("outputs", "/outputs")).contains("is a symbolic link"));
    }

    @Test
    void targetsMustBeAbsoluteNormalisedAndAwayFromTheRootAndKernelFileSystems() {
        for (String target : List.of("", "outputs", "/", "//", "/./x", "/a/../../etc", "/proc", "/proc/1", "/sys",
                "/dev", "/dev/shm", "/x\u0000y")) {
            String m = refusal(List.of(), new ResultPath("outputs", target));
            assertTrue(m.startsWith("refused to mount: result path Path of \"outputs\""), m);
        }
    }

    @Test
    void twoMountsAtOneTargetAreRefused() throws Exception {
        Path in = Files.createDirectories(dir.resolve("e-1/inputs/0"));
        assertTrue(refusal(List.of(new Mount(in, "/data", false)), new ResultPath("out", "/data/"))
                .contains("two inputs or results are mounted at /data"));
    }

    @Test
    void inputsMustLieInsideTheExecutionFolderUnlessAllowListed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        assertTrue(refusal(List.of(new Mount(outside, "/data", false))).contains("not allow-listed"));
        assertTrue(refusal(List.of(new Mount(Path.of("/"), "/data", true))).contains("not allow-listed"));
        Path work = Files.createDirectories(dir.resolve("e-1"));
        assertTrue(refusal(List.of(new Mount(work, "/data", false))).contains("not allow-listed"), "not the folder itself");
        Path sneaky = Files.createDirectories(dir.resolve("e-1/inputs/0"));
        Files.createSymbolicLink(sneaky.resolve("link"), outside);
        assertTrue(refusal(List.of(new Mount(sneaky.resolve("link"), "/data", false))).contains("not allow-listed"));
        MountGuard.Plan ok = check(List.of(Mount.allowListed(outside.toRealPath(), "/data", true)));
        assertEquals(new MountGuard.Bind(outside.toRealPath(), "/data", true), ok.inputs().get(0));
    }

    @Test
    void anAllowListedPathThatNowLeadsElsewhereIsRefused() throws Exception {
        Path target = Files.createDirectories(dir.resolve("target"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertTrue(refusal(List.of(Mount.allowListed(link, "/data", false))).contains("changed after it was checked"));
    }

    @Test
    void onlyAllowListedInputsMayBeWritable() throws Exception {
        Path in = Files.createDirectories(dir.resolve("e-1/inputs/0"));
        assertEquals(false, check(List.of(new Mount(in, "/data", true))).inputs().get(0).readWrite());
    }

    @Test
    void aMissingInputIsRefused() {
        assertTrue(refusal(List.of(new Mount(dir.resolve("e-1/inputs/9"), "/data", false))).contains("does not exist"));
    }
}
