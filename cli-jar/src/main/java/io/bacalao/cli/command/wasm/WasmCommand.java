package io.bacalao.cli.command.wasm;

import picocli.CommandLine.Command;

/** {@code bacalao wasm …}: WebAssembly jobs from the command line. */
@Command(name = "wasm", description = "Run a WebAssembly job on the network (see the run subcommand).")
public class WasmCommand {
}
