package io.bacalao.cli.command.job;

import io.bacalao.cli.CliException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.domain.spec.JobDefaults;
import io.bacalao.domain.spec.JobReader;
import io.bacalao.domain.spec.SubmissionPreparer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bacalao job validate <file>}: checks a spec locally with the server's rules; prints OK. */
@Command(name = "validate", description = "Validate a job spec file without submitting it.")
public class JobValidateCommand extends ClientCommand {
    @Parameters(index = "0", description = "Job spec file.")
    String file;

    @Override
    protected void execute() throws IOException {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CliException("job spec file not found: " + file);
        }
        new SubmissionPreparer(JobDefaults.standard(), "n-local").prepare(JobReader.readFile(text));
        out().println("OK");
    }
}
