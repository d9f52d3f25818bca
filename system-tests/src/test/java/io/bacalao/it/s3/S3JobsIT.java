package io.bacalao.it.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.cli.CliException;
import io.bacalao.cli.results.ResultDownloader;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.ipfs.KuboClient;
import io.bacalao.domain.ipfs.testing.IpfsTestNode;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.s3.S3Source;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.S3Server;
import io.bacalao.it.support.TestCluster;
import io.bacalao.payara.NodeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs that read from and publish to a real S3 server (S3Proxy, its own process) and a real IPFS node (the test
 * IPFS node, docs/ipfs.md), sharing one cluster. The nodes get their AWS credentials the way an operator gives them,
 * from a shared credentials file (here named by the {@code aws.sharedCredentialsFile} JVM option); jobs name only
 * buckets, keys and the endpoint. The compute node's IPFS endpoints are {@code InputSources.Types.IPFS.Endpoint} and
 * {@code Publishers.Types.IPFS.Endpoint}; {@code job get} is given {@code ResultDownloaders.Types.IPFS.Endpoint}.
 */
class S3JobsIT {
    static final Duration DONE = Duration.ofSeconds(180);
    static final String BUSYBOX = "local/busybox:latest";
    static final String ACCESS_KEY = "AKIDSYSTEMTEST";
    static final String SECRET = "system-test-secret-never-shown";
    /** The orchestrator's s3managed bucket, as in Bacalhau's suite 20 (orchestrator config 20_…_managed_publisher). */
    static final String MANAGED_BUCKET = "bacalhau-managed-publisher";
    static S3Server s3;
    static S3Server stranger;
    static IpfsTestNode ipfs;
    static TestCluster cluster;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve("s3-servers");
        s3 = S3Server.start(dir.resolve("main"), ACCESS_KEY, SECRET);
        stranger = S3Server.start(dir.resolve("stranger"), "AKIDSOMEONEELSE", "another-secret");
        s3.put("bucket", "data/a.csv", "1,2\n");
        s3.put("bucket", "data/sub/c.csv", "3,4\n");
        stranger.put("bucket", "data/a.csv", "x\n");
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[default]\naws_access_key_id = " + ACCESS_KEY + "\naws_secret_access_key = " + SECRET + "\n");
        Path config = Files.writeString(dir.resolve("config"), "[default]\nregion = us-east-1\n");
        List<String> aws = List.of("-Daws.sharedCredentialsFile=" + credentials, "-Daws.configFile=" + config);
        ipfs = IpfsTestNode.start(dir.resolveSibling("ipfs-node"));
        Files.createDirectories(s3.object(MANAGED_BUCKET, "job-results"));
        cluster = TestCluster.create("s3-jobs", Map.of(ConfigKeys.IPFS_INPUT_ENDPOINT, ipfs.endpoint(),
                ConfigKeys.IPFS_PUBLISHER_ENDPOINT, ipfs.endpoint(), ConfigKeys.S3MANAGED_BUCKET, MANAGED_BUCKET,
                ConfigKeys.S3MANAGED_KEY, "job-results", ConfigKeys.S3MANAGED_REGION, "us-east-1",
                ConfigKeys.S3MANAGED_ENDPOINT, s3.endpoint()), spec -> withOptions(spec, aws)).start(1);
    }

    private static NodeSpec withOptions(NodeSpec spec, List<String> more) {
        List<String> all = new ArrayList<>(spec.jvmOptions());
        all.addAll(more);
        return spec.withJvmOptions(all);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
        if (s3 != null) s3.close();
        if (stranger != null) stranger.close();
        if (ipfs != null) ipfs.close();
    }

    private static String endpointOpt(S3Server server) {
        return "opt=endpoint=" + server.endpoint();
    }

    @Test
    void aDockerJobReadsAPrefixPublishesAnArchiveAndJobGetReturnsItsFiles() throws Exception {
        Cli.Result run = cluster.cli().run("docker", "run", "--id-only", "--wait",
                "-i", "src=s3://bucket/data/*,dst=/inputs," + endpointOpt(s3),
                "-p", "s3://bucket/out/{jobID}," + endpointOpt(s3), "-o", "outputs:/outputs", BUSYBOX, "--",
                "sh", "-c", "cat /inputs/a.csv /inputs/sub/c.csv > /outputs/all.csv; ls /inputs");
        assertEquals(0, run.exitCode(), run.all());
        String id = run.out().trim();
        assertEquals("Completed", cluster.api().awaitTerminal(id, DONE), () -> describe(id));
        assertTrue(Files.isRegularFile(s3.object("bucket", "out/" + id + ".tar.gz")), "the archive is in the bucket");

        JsonNode results = cluster.api().get("/api/v1/orchestrator/jobs/" + id + "/results").json().get("Items");
        assertEquals("s3PreSigned", results.get(0).get("Type").asText(), results.toString());
        assertEquals("out/" + id + ".tar.gz", results.get(0).get("Params").get("Key").asText());

        Path out = tmp.resolve("results");
        Cli.Result get = cluster.cli().run("job", "get", id, "--output-dir", out.toString());
        assertEquals(0, get.exitCode(), get.all());
        assertEquals("1,2\n3,4\n", Files.readString(out.resolve("outputs/all.csv")));
        assertEquals("a.csv\nsub\n", Files.readString(out.resolve("stdout")));
        String described = describe(id);
        assertTrue(described.contains("s3://bucket/out/" + id + ".tar.gz at " + s3.endpoint()), described);
    }

    @Test
    void aWasmJobReadsOneObjectAndPublishesToS3(@TempDir Path modules) throws Exception {
        Path script = Path.of(System.getProperty("bacalao.repo", ".."), "compute-ejb", "ejb", "src", "test", "wasm", "build.sh");
        Process p = new ProcessBuilder(script.toString(), modules.toString()).inheritIO().start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, "build.sh compiles the wasm test programs");
        Cli.Result run = cluster.cli().run("wasm", "run", "--id-only", "--wait",
                "-i", "src=s3://bucket/data/a.csv,dst=/inputs," + endpointOpt(s3),
                "-p", "s3://bucket/wasm/{jobID}," + endpointOpt(s3), "-o", "outputs:/outputs",
                modules.resolve("job.wasm").toString(), "copy", "/inputs/a.csv", "/outputs/copy.csv");
        String id = run.out().trim();
        assertEquals("Completed", cluster.api().awaitTerminal(id, DONE), () -> run.all() + describe(id));
        assertTrue(Files.isRegularFile(s3.object("bucket", "wasm/" + id + ".tar.gz")), "the archive is in the bucket");
        Path out = tmp.resolve("wasm-results");
        Cli.Result get = cluster.cli().run("job", "get", id, "--output-dir", out.toString());
        assertEquals(0, get.exitCode(), get.all());
        assertEquals("1,2\n", Files.readString(out.resolve("outputs/copy.csv")));
    }

    /**
     * Bacalhau's {@code test_integration/20_s3managed_publisher_suite_test.go} with its job spec
     * ({@code compat/job_specs/20-s3managed-publisher.yml}), S3Proxy in place of MinIO.
     */
    @Test
    void anS3ManagedJobCompletesAndJobGetDownloadsItsResults() throws Exception {
        // the suite's job spec file, unchanged (busybox:1.37.0 is a stand-in built by build-test-images.sh)
        Path spec = Path.of(S3JobsIT.class.getResource("/compat/job_specs/20-s3managed-publisher.yml").toURI());
        Cli.Result run = cluster.cli().run("job", "run", "--wait=false", "--id-only", spec.toString());
        assertEquals(0, run.exitCode(), run.all());
        String id = run.out().trim();
        assertEquals("Completed", cluster.api().awaitTerminal(id, DONE), () -> describe(id));

        JsonNode execution = cluster.api().get("/api/v1/orchestrator/jobs/" + id + "/executions").json().get("Items").get(0);
        JsonNode published = execution.get("PublishedResult");
        assertEquals("s3managed", published.get("Type").asText(), published.toString());
        assertEquals(id, published.get("Params").get("JobID").asText());
        String executionId = execution.get("ID").asText();
        assertEquals(executionId, published.get("Params").get("ExecutionID").asText());
        assertTrue(Files.isRegularFile(s3.object(MANAGED_BUCKET, "job-results/" + id + "/" + executionId + ".tar.gz")),
                "the archive is in the orchestrator's bucket");
        JsonNode result = cluster.api().get("/api/v1/orchestrator/jobs/" + id + "/results").json().get("Items").get(0);
        assertEquals("s3PreSigned", result.get("Type").asText(), result.toString());
        assertTrue(result.get("Params").get("Managed").asBoolean(), result.toString());

        Path out = Files.createDirectories(tmp.resolve("bacalhau-job-results-" + id));
        Cli.Result get = cluster.cli().run("job", "get", id, "--output-dir", out.toString());
        assertEquals(0, get.exitCode(), get.all());
        assertTrue(get.all().contains("Results for job '" + id + "' have been written"), get.all());
        assertTrue(Files.readString(out.resolve("stdout")).contains("expected execution stdout"));
        assertFalse(cluster.api().get("/api/v1/orchestrator/jobs/" + id + "/executions").body().contains(SECRET));
    }

    @Test
    void jobGetFetchesAnUnsignedS3ArchiveWithTheUsersOwnCredentials() throws Exception {
        Path packed = tmp.resolve("packed");
        Files.createDirectories(packed.resolve("outputs"));
        Files.writeString(packed.resolve("stdout"), "direct\n");
        Path archive = s3.object("bucket", "direct/e-1.tar.gz");
        TarGz.packTo(packed, archive);
        SpecConfig unsigned = SpecConfig.of("s3", new S3Source("bucket", "direct/e-1.tar.gz", "", "", s3.endpoint(), "",
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive))))
                .params());
        SpecConfig elsewhere = SpecConfig.of("s3", new S3Source("bucket", "direct/e-1.tar.gz", "", "", stranger.endpoint(),
                "", "").params());
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET);
        try {
            assertTrue(ResultDownloader.supports(unsigned), "with credentials the client downloads s3 results itself");
            List<Path> files = ResultDownloader.standard("").download(List.of(unsigned), tmp.resolve("raw"), Duration.ofMinutes(1));
            assertEquals(List.of(tmp.resolve("raw/e-1.tar.gz")), files);
            assertArrayEquals(Files.readAllBytes(archive), Files.readAllBytes(files.get(0)));
            CliException refused = assertThrows(CliException.class, () -> ResultDownloader.standard("")
                    .download(List.of(elsewhere), tmp.resolve("raw2"), Duration.ofMinutes(1)));
            assertTrue(refused.getMessage().startsWith("failed to download result s3://bucket/direct/e-1.tar.gz: "
                    + "InvalidAccessKeyId, HTTP 403"), refused.getMessage());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void aMissingObjectFailsWithItsName() {
        String id = failed("s3://bucket/data/nope.csv," + endpointOpt(s3));
        String messages = computeMessages(id);
        assertTrue(messages.contains("failed to fetch s3 input: s3://bucket/data/nope.csv does not exist"), messages);
    }

    @Test
    void anEndpointThatRefusesTheNodesCredentialsIsAccessDenied() {
        String id = failed("s3://bucket/data/," + endpointOpt(stranger));
        String messages = computeMessages(id);
        assertTrue(messages.contains("failed to fetch s3 input: access denied to s3://bucket/data/ ("), messages);
    }

    @Test
    void credentialsAppearInNoJobNoLogAndNoAgentConfig() throws IOException {
        String id = failed("s3://bucket/data/nope.csv," + endpointOpt(s3));
        assertFalse(cluster.api().get("/api/v1/orchestrator/jobs/" + id).body().contains(SECRET));
        Cli.Result config = cluster.cli().run("agent", "config");
        assertEquals(0, config.exitCode(), config.all());
        assertFalse(config.all().contains(SECRET), "agent config");
        assertTrue(config.all().contains(MANAGED_BUCKET), "agent config shows the s3managed bucket");
        try (Stream<Path> files = Files.walk(cluster.root())) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                assertFalse(Files.readString(log).contains(SECRET), log.toString());
            }
        }
    }

    @Test
    void aDockerJobReadsAnIpfsTreePublishesToIpfsAndJobGetFetchesIt() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree/sub"));
        Files.writeString(tree.getParent().resolve("a.csv"), "1,2\n");
        Files.writeString(tree.resolve("c.csv"), "3,4\n");
        String input = kubo().add(tree.getParent(), Duration.ofSeconds(30));
        Cli.Result run = cluster.cli().run("docker", "run", "--id-only", "--wait", "-i", "ipfs://" + input + ":/inputs",
                "-p", "ipfs", "-o", "outputs:/outputs", BUSYBOX, "--",
                "sh", "-c", "cat /inputs/a.csv /inputs/sub/c.csv > /outputs/all.csv; ls /inputs");
        assertEquals(0, run.exitCode(), run.all());
        String id = run.out().trim();
        assertEquals("Completed", cluster.api().awaitTerminal(id, DONE), () -> describe(id));

        JsonNode results = cluster.api().get("/api/v1/orchestrator/jobs/" + id + "/results").json().get("Items");
        assertEquals("ipfs", results.get(0).get("Type").asText(), results.toString());
        String published = results.get(0).get("Params").get("CID").asText();
        assertEquals("1,2\n3,4\n", new String(kubo().cat(published + "/outputs/all.csv", Duration.ofSeconds(30)),
                StandardCharsets.UTF_8), "the result is on the IPFS node");

        Path out = tmp.resolve("ipfs-results");
        Cli.Result get = cluster.cli().run("job", "get", id, "--output-dir", out.toString(),
                "-c", ConfigKeys.IPFS_DOWNLOADER_ENDPOINT + "=" + ipfs.endpoint());
        assertEquals(0, get.exitCode(), get.all());
        assertEquals("1,2\n3,4\n", Files.readString(out.resolve("outputs/all.csv")));
        assertEquals("a.csv\nsub\n", Files.readString(out.resolve("stdout")));
        String described = describe(id);
        assertTrue(described.contains("ipfs://" + published), described);
    }

    @Test
    void aWasmJobReadsOneFileFromIpfs(@TempDir Path modules) throws Exception {
        Path script = Path.of(System.getProperty("bacalao.repo", ".."), "compute-ejb", "ejb", "src", "test", "wasm", "build.sh");
        Process p = new ProcessBuilder(script.toString(), modules.toString()).inheritIO().start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, "build.sh compiles the wasm test programs");
        String file = kubo().add(Files.writeString(tmp.resolve("a.csv"), "5,6\n"), Duration.ofSeconds(30));
        Cli.Result run = cluster.cli().run("wasm", "run", "--id-only", "--wait",
                "-i", "ipfs://" + file + ":/inputs/a.csv", "-p", "ipfs", "-o", "outputs:/outputs",
                modules.resolve("job.wasm").toString(), "copy", "/inputs/a.csv", "/outputs/copy.csv");
        String id = run.out().trim();
        assertEquals("Completed", cluster.api().awaitTerminal(id, DONE), () -> run.all() + describe(id));
        Path out = tmp.resolve("wasm-ipfs-results");
        Cli.Result get = cluster.cli().run("job", "get", id, "--output-dir", out.toString(),
                "-c", ConfigKeys.IPFS_DOWNLOADER_ENDPOINT + "=" + ipfs.endpoint());
        assertEquals(0, get.exitCode(), get.all());
        assertEquals("5,6\n", Files.readString(out.resolve("outputs/copy.csv")));
    }

    @Test
    void anUnknownCidFailsWithTheIpfsNodesAnswer() {
        String unknown = "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nx";
        String id = failed("ipfs://" + unknown);
        String messages = computeMessages(id);
        assertTrue(messages.contains("failed to fetch ipfs input ipfs://" + unknown + ": the IPFS node at http://127.0.0.1:"),
                messages);
        assertTrue(messages.contains("could not find " + unknown), messages);
    }

    private static KuboClient kubo() {
        return KuboClient.of(ipfs.endpoint());
    }

    private static String failed(String input) {
        Cli.Result run = cluster.cli().run("docker", "run", "--id-only", "--wait=false", "-i", "src=" + input + ",dst=/inputs",
                BUSYBOX, "--", "ls", "/inputs");
        assertEquals(0, run.exitCode(), run.all());
        String id = run.out().trim();
        assertEquals("Failed", cluster.api().awaitTerminal(id, DONE), () -> describe(id));
        return id;
    }

    private static String computeMessages(String id) {
        List<String> all = new ArrayList<>();
        cluster.api().get("/api/v1/orchestrator/jobs/" + id + "/executions").json().get("Items")
                .forEach(e -> all.add(e.get("ComputeState").path("Message").asText()));
        return all.stream().collect(Collectors.joining(" | "));
    }

    private static String describe(String id) {
        return cluster.cli().run("job", "describe", id).out();
    }
}
