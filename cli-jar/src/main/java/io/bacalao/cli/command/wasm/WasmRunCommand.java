package io.bacalao.cli.command.wasm;

import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.command.flags.JobFlags;
import io.bacalao.cli.command.flags.RunTimeFlags;
import io.bacalao.cli.command.flags.TaskFlags;
import io.bacalao.cli.command.job.JobSubmitter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bacalao wasm run [flags] ENTRY-MODULE [wasm-args...]}. Options end at ENTRY-MODULE (see
 * {@link io.bacalao.cli.Main}): what follows is passed to the module as argv[1..], untouched; one {@code --}
 * right after ENTRY-MODULE is dropped.
 */
@Command(name = "run", description = "Run a WebAssembly (WASI) job on the network.",
        customSynopsis = WasmRunCommand.USAGE)
public class WasmRunCommand extends ClientCommand {
    static final String USAGE = "bacalao wasm run [flags] ENTRY-MODULE[:/TARGET] [wasm-args...]";

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENTRY-MODULE",
            description = "A local .wasm file (uploaded with the job) or a URI the node fetches, optionally :/TARGET.")
    String entryModule;

    @Parameters(index = "1..*", paramLabel = "WASM-ARGS", description = "Arguments of the module (argv[1..]).")
    List<String> args = new ArrayList<>();

    @Option(names = {"-I", "--import-modules"}, paramLabel = "MODULE",
            description = "Module whose exports satisfy the entry module's imports (same forms as ENTRY-MODULE), repeatable.")
    List<String> importModules = new ArrayList<>();

    @Option(names = "--entry-point", defaultValue = WasmJobBuilder.DEFAULT_ENTRYPOINT,
            description = "Exported function to call (default: ${DEFAULT-VALUE}).")
    String entrypoint;

    @Mixin
    JobFlags jobFlags;

    @Mixin
    TaskFlags taskFlags;

    @Mixin
    RunTimeFlags runtime;

    @Override
    protected void execute() throws InterruptedException {
        JobSubmitter.submitBuilt(this, WasmJobBuilder.build(entryModule, parameters(), importModules, entrypoint, jobFlags, taskFlags), runtime);
    }

    private List<String> parameters() {
        if (!args.isEmpty() && args.get(0).equals("--")) return args.subList(1, args.size());
        return args;
    }
}
