package io.bacalao.cli.command.job;

import io.bacalao.cli.CliException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.command.flags.WaitFlags;
import io.bacalao.cli.spec.SpecTemplate;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.JobReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bacalao job run [file]}: submits a YAML or JSON job spec (stdin when no file) and follows it. The spec is
 * a template first ({@link SpecTemplate}) unless {@code --no-template}.
 */
@Command(name = "run", description = "Run a job from a YAML or JSON spec file (or stdin).")
public class JobRunCommand extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", description = "Job spec file; '-' or nothing reads stdin.")
    String file;

    @Mixin
    WaitFlags waiting;

    @Option(names = "--dry-run", description = "Show how the spec differs from the stored job of the same name,"
            + " without submitting it (prints the spec when the orchestrator cannot tell).")
    boolean dryRun;

    @Option(names = "--force", description = "Submit even if the spec is identical to the stored version.")
    boolean force;

    @Option(names = {"-f", "--follow"}, description = "Stream the job's logs until it ends.")
    boolean follow;

    @Option(names = {"-V", "--template-vars"}, paramLabel = "KEY=VALUE",
            description = "Replace {{.KEY}} in the spec with VALUE (repeatable; KEY=VALUE,KEY2=VALUE2 sets two).")
    List<String> templateVars = new ArrayList<>();

    @Option(names = {"-E", "--template-envs"}, paramLabel = "REGEX",
            description = "Environment variables whose name matches REGEX become template variables ('.*' or '*': all).")
    String templateEnvs;

    @Option(names = "--no-template", description = "Send the spec as it is, without replacing {{…}} placeholders.")
    boolean noTemplate;

    @Override
    protected void execute() throws Exception {
        String spec = readSpec();
        if (!noTemplate) {
            spec = SpecTemplate.of(SpecTemplate.variables(templateVars), templateEnvs, System.getenv()).apply(spec);
        }
        Job job = JobReader.readFile(spec);
        if (dryRun) {
            DryRun.show(this, job);
            return;
        }
        if (follow) {
            JobSubmitter.submitAndStreamLogs(this, job, force, !waiting.hideWarnings());
            return;
        }
        JobSubmitter.submit(this, job, waiting.options(force));
    }

    private String readSpec() throws IOException {
        if (file == null || file.equals("-")) {
            if (System.console() != null) throw new CliException("no job spec: give a file or pipe one on stdin");
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CliException("job spec file not found: " + file);
        }
    }
}
