package io.bacalao.cli.command.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliRun;
import io.bacalao.cli.FakeOrchestrator;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.ipfs.KuboClient;
import io.bacalao.domain.ipfs.testing.IpfsTestNode;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code job get} against a fake orchestrator that also serves the published tar.gz results. */
class JobGetCommandTest {
    private static final String RESULTS = "/api/v1/orchestrator/jobs/j-1/results";

    @TempDir
    Path tmp;
    FakeOrchestrator api;

    @BeforeEach
    void start() throws IOException {
        api = new FakeOrchestrator();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void mergesTwoResultsAppendingStdoutStderrAndExitCode() throws IOException {
        publish("e-1.tar.gz", Map.of("stdout", "one\n", "exitCode", "0", "outputs/a.txt", "A"));
        publish("e-2.tar.gz", Map.of("stdout", "two\n", "stderr", "warn\n", "exitCode", "1", "outputs/b.txt", "B"));
        results("e-1.tar.gz", "e-2.tar.gz");
        Path out = tmp.resolve("out");

        CliRun run = get("--output-dir", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Fetching results of job 'j-1'...\n", run.err());
        assertEquals("Results for job 'j-1' have been written to...\n" + out + "\n", run.out());
        assertEquals("one\ntwo\n", Files.readString(out.resolve("stdout")));
        assertEquals("warn\n", Files.readString(out.resolve("stderr")));
        assertEquals("01", Files.readString(out.resolve("exitCode")));
        assertEquals("A", Files.readString(out.resolve("outputs/a.txt")));
        assertEquals("B", Files.readString(out.resolve("outputs/b.txt")));
        assertFalse(Files.exists(out.resolve("raw")));
    }

    @Test
    void oneResultIsMovedAsItIs() throws IOException {
        publish("e-1.tar.gz", Map.of("stdout", "only\n", "exitCode", "0"));
        results("e-1.tar.gz");
        Path out = tmp.resolve("out");
        assertEquals(0, get("--output-dir", out.toString()).exitCode());
        assertEquals(List.of("exitCode", "stdout"), list(out));
    }

    @Test
    void collidingOutputFilesAreRefusedAndNothingIsMerged() throws IOException {
        publish("e-1.tar.gz", Map.of("stdout", "1", "outputs/same.txt", "A"));
        publish("e-2.tar.gz", Map.of("stdout", "2", "outputs/same.txt", "B"));
        results("e-1.tar.gz", "e-2.tar.gz");
        Path out = tmp.resolve("out");

        CliRun run = get("--output-dir", out.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Error: cannot merge results as output already exists: "
                + out.resolve("outputs/same.txt") + ". Try --raw to download raw results instead of merging them"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void rawKeepsTheDownloadedArchivesWithoutMerging() throws IOException {
        publish("e-1.tar.gz", Map.of("stdout", "1", "outputs/same.txt", "A"));
        publish("e-2.tar.gz", Map.of("stdout", "2", "outputs/same.txt", "B"));
        results("e-1.tar.gz", "e-2.tar.gz");
        Path out = tmp.resolve("out");

        CliRun run = get("--output-dir", out.toString(), "--raw");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("raw"), list(out));
        assertEquals(List.of("e-1.tar.gz", "e-2.tar.gz"), list(out.resolve("raw")));
        Path unpacked = tmp.resolve("check");
        try (var in = Files.newInputStream(out.resolve("raw/e-2.tar.gz"))) {
            TarGz.unpack(in, unpacked);
        }
        assertEquals("B", Files.readString(unpacked.resolve("outputs/same.txt")));
    }

    @Test
    void anArchiveEscapingItsFolderIsRefusedAndNothingIsWrittenOutside() throws IOException {
        api.bytes("/evil.tar.gz", tarGz(Map.of("stdout", "fine", "../x", "escaped", "../../y", "escaped")));
        results("evil.tar.gz");
        Path out = tmp.resolve("nest/out");

        CliRun run = get("--output-dir", out.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Error: refusing result archive evil.tar.gz: archive entry '../x' escapes the destination"),
                run.err());
        assertEquals(List.of("nest"), list(tmp));
        assertEquals(List.of(), list(tmp.resolve("nest")));
    }

    @Test
    void missingJobIsAnError() {
        CliRun run = get("--output-dir", tmp.resolve("out").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Error: not found: GET " + RESULTS), run.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void failedDownloadIsAnError() {
        results("gone.tar.gz");
        api.status("GET", "/gone.tar.gz", 410);
        CliRun run = get("--output-dir", tmp.resolve("out").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Error: failed to download result from " + api.url("/gone.tar.gz") + ": HTTP 410"), run.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void anExistingEmptyOutputDirectoryIsUsedAndKeptOnFailure() throws IOException {
        publish("e-1.tar.gz", Map.of("outputs/same.txt", "A"));
        publish("e-2.tar.gz", Map.of("outputs/same.txt", "B"));
        results("e-1.tar.gz", "e-2.tar.gz");
        Path out = Files.createDirectories(tmp.resolve("mine"));
        assertEquals(1, get("--output-dir", out.toString()).exitCode());
        assertEquals(List.of(), list(out));
    }

    @Test
    void noResultsPointsToTheLogs() {
        api.json("GET", RESULTS, "{\"Items\":[],\"NextToken\":\"\"}");
        CliRun run = get();
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("No results found\nYou can check the logged output of the job using the logs command.\n\n"
                + "  bacalao job logs j-1\n", run.out());
    }

    @Test
    void unsupportedResultTypesArePrintedAndSkipped() throws IOException {
        publish("e-1.tar.gz", Map.of("stdout", "1"));
        api.json("GET", RESULTS, "{\"Items\":[{\"Type\":\"carrierPigeon\",\"Params\":{\"Loft\":\"QmX\"}},"
                + "{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"" + api.url("/e-1.tar.gz") + "\"}}],\"NextToken\":\"\"}");
        Path out = tmp.resolve("out");
        CliRun run = get("--output-dir", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("No supported downloader for results of type 'carrierPigeon'"), run.err());
        assertTrue(run.err().contains("\"Loft\" : \"QmX\""), run.err());
        assertEquals("1", Files.readString(out.resolve("stdout")));
    }

    @Test
    void anIpfsResultIsFetchedFromTheConfiguredNodeAndMergedWithTheOthers() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("ipfs-result/outputs"));
        Files.writeString(tree.resolve("b.txt"), "B");
        Files.writeString(tree.getParent().resolve("stdout"), "two\n");
        try (IpfsTestNode node = IpfsTestNode.start(tmp.resolve("ipfs"))) {
            String cid = KuboClient.of(node.endpoint()).add(tree.getParent(), Duration.ofSeconds(30));
            publish("e-1.tar.gz", Map.of("stdout", "one\n", "outputs/a.txt", "A"));
            api.json("GET", RESULTS, "{\"Items\":[{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"" + api.url("/e-1.tar.gz")
                    + "\"}},{\"Type\":\"ipfs\",\"Params\":{\"CID\":\"" + cid + "\"}}],\"NextToken\":\"\"}");
            Path out = tmp.resolve("out");

            CliRun run = get("--output-dir", out.toString(), "-c", "ResultDownloaders.Types.IPFS.Endpoint=" + node.endpoint());

            assertEquals(0, run.exitCode(), run.err());
            assertEquals("one\ntwo\n", Files.readString(out.resolve("stdout")));
            assertEquals("A", Files.readString(out.resolve("outputs/a.txt")));
            assertEquals("B", Files.readString(out.resolve("outputs/b.txt")));
            assertFalse(Files.exists(out.resolve("raw")));
        }
    }

    @Test
    void anIpfsResultWithoutAnIpfsNodeConfiguredNamesTheKey() {
        api.json("GET", RESULTS, "{\"Items\":[{\"Type\":\"ipfs\",\"Params\":{\"CID\":\"QmX\"}}],\"NextToken\":\"\"}");
        Path out = tmp.resolve("out");
        CliRun run = get("--output-dir", out.toString(), "--data-dir", tmp.resolve("empty-data-dir").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Error: cannot download ipfs://QmX: no IPFS node is configured to fetch it from"), run.err());
        assertTrue(run.err().contains("ResultDownloaders.Types.IPFS.Endpoint"), run.err());
        assertFalse(Files.exists(out), "the output folder it created is removed again");
    }

    @Test
    void nonEmptyOutputDirectoryIsRefused() throws IOException {
        publish("e-1.tar.gz", Map.of("stdout", "1"));
        results("e-1.tar.gz");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliRun run = get("--output-dir", out.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Error: output directory is not empty: " + out), run.err());
        assertEquals(List.of("keep.txt"), list(out));
    }

    @Test
    void badDownloadTimeoutIsAnError() {
        CliRun run = get("--download-timeout-secs", "soon");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("invalid --download-timeout-secs \"soon\""), run.err());
    }

    @Test
    void withoutOutputDirTheFolderIsNamedAfterTheJobTheServerReturns() throws IOException {
        String fullId = "j-" + java.util.UUID.randomUUID();
        publish("e-1.tar.gz", Map.of("stdout", "1"));
        results("e-1.tar.gz");
        api.json("GET", "/api/v1/orchestrator/jobs/j-1", "{\"Job\":{\"ID\":\"" + fullId
                + "\",\"Name\":\"n\",\"Namespace\":\"team\",\"Type\":\"batch\",\"Tasks\":[]}}");
        Path expected = Path.of("").toAbsolutePath().resolve("job-team-" + fullId);
        try {
            CliRun run = get();
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("Results for job 'j-1' have been written to...\n" + expected + "\n", run.out());
            assertEquals("1", Files.readString(expected.resolve("stdout")));
        } finally {
            io.bacalao.cli.results.ResultMerger.deleteTree(expected);
        }
    }

    @Test
    void defaultFolderIsNamedAfterTheFullIdAndNonDefaultNamespace() {
        Job job = new Job("j-1234-full", "n", "default", "batch", 0, 1, null, null, null,
                List.of(Task.of("main", SpecConfig.of("docker"))), null, 0, 0, 0, 0);
        assertEquals("job-j-1234-full", JobGetCommand.defaultDirName(job));
        assertEquals("job-team-j-1234-full", JobGetCommand.defaultDirName(job.withNamespace("team")));
    }

    private CliRun get(String... args) {
        String[] all = Stream.concat(Stream.of("j-1"), Stream.of(args)).toArray(String[]::new);
        return CliRun.against(api.port(), List.of("job", "get"), all);
    }

    private void results(String... files) {
        String items = String.join(",", Stream.of(files).map(f ->
                "{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"" + api.url("/" + f) + "\"}}").toList());
        api.json("GET", RESULTS, "{\"Items\":[" + items + "],\"NextToken\":\"\"}");
    }

    private void publish(String name, Map<String, String> files) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "publish-");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarGz.pack(dir, bytes);
        api.bytes("/" + name, bytes.toByteArray());
    }

    /** A tar.gz with raw entry names, which TarGz.pack cannot produce ("../x"). */
    private static byte[] tarGz(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).descendingMap().entrySet()) {
                byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
