package io.bacalao.cli.command;

import io.bacalao.cli.client.ApiClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of commands that talk to the orchestrator: the API client and the output streams. */
public abstract class ClientCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected RootCommand root() {
        return (RootCommand) spec.root().userObject();
    }

    public ApiClient client() {
        return root().client();
    }

    /** The data dir the CLI keeps its own files in (SSO tokens). */
    public java.nio.file.Path dataDir() {
        return root().dataDirPath();
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public Integer call() throws Exception {
        execute();
        out().flush();
        return 0;
    }

    protected abstract void execute() throws Exception;
}
