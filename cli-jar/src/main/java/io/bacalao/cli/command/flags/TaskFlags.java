package io.bacalao.cli.command.flags;

import io.bacalao.cli.CliException;
import io.bacalao.cli.spec.EnvParser;
import io.bacalao.cli.spec.InputParser;
import io.bacalao.cli.spec.OutputParser;
import io.bacalao.cli.spec.PublisherParser;
import io.bacalao.domain.model.NetworkConfig;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.model.TimeoutConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Task-level flags of the submitting commands; Bacalhau's TaskSettings. Timeouts are seconds, 0 = not set. */
public class TaskFlags {
    @Option(names = "--task-name", defaultValue = "main", description = "Name of the task (default: ${DEFAULT-VALUE}).")
    String taskName;

    @Option(names = {"-e", "--env"}, paramLabel = "NAME=VALUE", description = "Environment variable of the task, repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-i", "--input"}, paramLabel = "INPUT",
            description = "Input, repeatable: URI[:DST] or src=URI,dst=PATH[,opt=KEY=VALUE]; URI is ipfs://CID, "
                    + "http(s)://..., s3://BUCKET/KEY (opts endpoint, region, version-id, checksum-256, filter) "
                    + "or file:///PATH (opt rw=true). DST defaults to /inputs.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "NAME:PATH", description = "Result folder, repeatable, e.g. outputs:/outputs.")
    List<String> outputs = new ArrayList<>();

    @Option(names = {"-p", "--publisher"}, paramLabel = "PUBLISHER",
            description = "Where results go: ipfs, local, noop, s3managed or s3://BUCKET/KEY[,opt=region=R,opt=endpoint=URL].")
    String publisher;

    @Option(names = "--cpu", description = "CPU cores, e.g. 500m, 2.")
    String cpu;

    @Option(names = "--memory", description = "Memory, e.g. 512Mb, 2Gb.")
    String memory;

    @Option(names = "--disk", description = "Disk, e.g. 10Gb.")
    String disk;

    @Option(names = "--gpu", description = "GPUs, e.g. 1.")
    String gpu;

    @Option(names = "--network", paramLabel = "TYPE", description = "none, host, full, http, bridge or default.")
    String network;

    @Option(names = "--domain", description = "Domain the task may reach (HTTP networking), repeatable.")
    List<String> domains = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "0", description = "Total timeout of the job in seconds (0 = none).")
    long timeout;

    @Option(names = "--queue-timeout", defaultValue = "0", description = "How long the job may queue, in seconds (0 = no queueing).")
    long queueTimeout;

    /** The task running {@code engine}; bad flag values throw CliException. */
    public Task toTask(SpecConfig engine) {
        return new Task(taskName, engine, publisher == null ? null : PublisherParser.parse(publisher),
                EnvParser.parseAll(env), null, InputParser.parseAll(inputs), OutputParser.parseAll(outputs),
                new ResourcesConfig(cpu, memory, disk, gpu), network(), new TimeoutConfig(0, queueTimeout, timeout));
    }

    private NetworkConfig network() {
        NetworkType type;
        try {
            type = network == null ? NetworkType.Default : NetworkType.parse(network);
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid network \"" + network + "\": expected none, host, full, http, bridge or default");
        }
        return new NetworkConfig(type, domains, null);
    }
}
