package io.bacalao.cli.command.job;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.cli.CliException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.results.ResultDownloader;
import io.bacalao.cli.results.ResultMerger;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.config.Durations;
import io.bacalao.domain.ipfs.IpfsSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bacalao job get <id>}: downloads a job's published results into one folder (reference §5.9, §6.3).
 * Downloads land in {@code <out>/raw/}; without {@code --raw} they are unpacked, merged into {@code <out>}
 * and {@code raw/} is removed; an ipfs result is fetched as a tree ({@code raw/<CID>}) and merged the same way.
 * Results of a type this CLI cannot fetch are printed as JSON instead.
 */
@Command(name = "get", description = "Download the results of a job.")
public class JobGetCommand extends ClientCommand {
    static final String RAW_DIR = "raw";

    @Parameters(index = "0", paramLabel = "ID", description = "Job ID, short ID or name.")
    String id;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Where to write the results (default: ./job-<id>, ./job-<namespace>-<id> outside the default namespace).")
    Path outputDir;

    @Option(names = "--raw", description = "Keep the downloaded archives in <dir>/raw instead of merging them.")
    boolean raw;

    @Option(names = "--download-timeout-secs", defaultValue = "5m", paramLabel = "DURATION",
            description = "Time limit for all downloads: a Go duration (5m, 90s) or seconds (default: ${DEFAULT-VALUE}).")
    String downloadTimeout;

    @Option(names = "--namespace", description = "Namespace of the job.")
    String namespace;

    @Override
    protected void execute() throws IOException, InterruptedException {
        Duration timeout = timeout();
        err().println("Fetching results of job '" + id + "'...");
        err().flush();
        List<SpecConfig> results = fetchResults();
        if (results.isEmpty()) {
            out().println("No results found");
            out().println("You can check the logged output of the job using the logs command.");
            out().println();
            out().println("  bacalao job logs " + id);
            return;
        }
        List<SpecConfig> downloadable = results.stream().filter(ResultDownloader::supports).toList();
        results.stream().filter(r -> !ResultDownloader.supports(r)).forEach(this::printUnsupported);
        if (downloadable.isEmpty()) return;
        Path out = outputDir != null ? outputDir : Path.of("").toAbsolutePath().resolve(defaultDirName(fetchJob()));
        boolean created = prepare(out);
        boolean done = false;
        try {
            fetchInto(out, downloadable, timeout);
            done = true;
        } finally {
            if (!done && created) deleteIfEmpty(out);
        }
        out().println("Results for job '" + id + "' have been written to...");
        out().println(out);
    }

    /** Downloads into {@code out/raw}, then merges unless --raw; on failure {@code raw/} is removed again. */
    private void fetchInto(Path out, List<SpecConfig> results, Duration timeout) throws IOException, InterruptedException {
        Path rawDir = out.resolve(RAW_DIR);
        boolean done = false;
        try {
            List<Path> archives = ResultDownloader.standard(ipfsEndpoint(results)).download(results, rawDir, timeout);
            if (!raw) ResultMerger.merge(archives, rawDir, out);
            done = true;
        } finally {
            if (!raw || !done) ResultMerger.deleteTree(rawDir);
        }
    }

    /** The client's {@code ResultDownloaders.Types.IPFS.Endpoint}; the configuration is read only for ipfs results. */
    private String ipfsEndpoint(List<SpecConfig> results) {
        if (results.stream().noneMatch(r -> r.is(IpfsSource.TYPE))) return "";
        return root().resolveConfig(Map.of()).get(ConfigKeys.IPFS_DOWNLOADER_ENDPOINT);
    }

    private Duration timeout() {
        try {
            Duration d = Durations.parse(downloadTimeout);
            if (d.isZero() || d.isNegative()) throw new IllegalArgumentException("must be positive");
            return d;
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid --download-timeout-secs \"" + downloadTimeout + "\": give a duration such as 5m or 300");
        }
    }

    private List<SpecConfig> fetchResults() {
        var type = Json.mapper().getTypeFactory().constructType(new TypeReference<ApiModels.ListResponse<SpecConfig>>() {
        });
        ApiModels.ListResponse<SpecConfig> page = client().get(
                JobPaths.job(id, "results").param("namespace", namespace).build(), type);
        return page.items() == null ? List.of() : page.items();
    }

    private Job fetchJob() {
        return client().get(JobPaths.job(id, "").param("namespace", namespace).build(), ApiModels.GetJobResponse.class).job();
    }

    /** {@code job-<id>}, or {@code job-<namespace>-<id>} outside the default namespace; the ID is the full one. */
    static String defaultDirName(Job job) {
        boolean defaultNamespace = job.namespace().isBlank() || job.namespace().equals(Job.DEFAULT_NAMESPACE);
        return "job-" + (defaultNamespace ? "" : job.namespace() + "-") + job.id();
    }

    private void printUnsupported(SpecConfig result) {
        err().println("No supported downloader for results of type '" + result.type()
                + "'; you will have to download them differently:");
        err().println(Json.writePretty(result));
        err().flush();
    }

    /** Checks that {@code out} is absent or an empty folder and creates it; true when this call created it. */
    private static boolean prepare(Path out) throws IOException {
        boolean existed = Files.exists(out);
        if (existed) {
            if (!Files.isDirectory(out)) throw new CliException("output path exists and is not a directory: " + out);
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new CliException("output directory is not empty: " + out,
                            "choose another with --output-dir, or remove it");
                }
            }
        }
        Files.createDirectories(out);
        return !existed;
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) return;
        }
        Files.delete(dir);
    }
}
