package io.bacalao.cli.command;

import io.bacalao.cli.render.OutputOptions;
import io.bacalao.cli.render.Table;
import io.bacalao.domain.config.BuildVersion;
import io.bacalao.domain.model.BuildVersionInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalao version}: client and server versions. */
@Command(name = "version", description = "Print the client and server versions.")
public class VersionCommand extends ClientCommand {
    @Option(names = "--client", description = "Only the client version (no server call).")
    boolean clientOnly;

    @Mixin
    OutputOptions output;

    @Override
    protected void execute() {
        BuildVersionInfo client = BuildVersion.current();
        BuildVersionInfo server = clientOnly ? null : client().get("/api/v1/agent/version", BuildVersionInfo.class);
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("clientVersion", client);
        if (server != null) both.put("serverVersion", server);
        if (output.printStructured(out(), both)) return;
        Table t = clientOnly ? new Table(List.of("Client")) : new Table(List.of("Client", "Server"));
        String c = client.gitVersion() + " (" + client.gitCommit() + ")";
        if (clientOnly) t.row(c);
        else t.row(c, server.gitVersion() + " (" + server.gitCommit() + ")");
        t.print(out(), output);
    }
}
