package io.bacalao.cli.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The AOT cache's training commands succeed against their fixed bodies (the build fails otherwise on JDK 25; this
 * catches a model change on any JDK, before the build's training step does).
 */
class AotTrainingTest {
    @Test
    void everyTrainedCommandExitsZero() throws Exception {
        StringWriter report = new StringWriter();
        assertEquals(0, AotTraining.run(new PrintWriter(report, true)), report.toString());
        assertEquals(6, AotTraining.commands(Path.of("job.yaml")).size());
    }
}
